package dev.blipsdk.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Realistic wire payloads, shaped like the Blip HTTP API reference (docs/blip-http-api.md): the response to an
 * account lookup (§3.1), to a contact get (§4), a webhook notification (§6) and a page of 100 tickets (§5.1).
 * Generated deterministically so every run parses the same bytes.
 */
public final class Payloads {
  private Payloads() {}

  private static final String[] STATUSES = {"Waiting", "Open", "Open", "ClosedAttendant", "ClosedClient",
      "Transferred", "Assigned", "ClosedClientInactivity"};
  private static final String[] TEAMS = {"Default", "Billing", "Support", "DIRECT_TRANSFER"};

  /** Identity of the customer in every payload. */
  public static final String CUSTOMER = "5531988889999@wa.gw.msging.net";

  /** {@code get lime://wa.gw.msging.net/accounts/+5531988889999} response (§3.1). */
  public static final String ACCOUNT_RESPONSE = """
      {"type":"application/vnd.lime.account+json","resource":{"fullName":"John Doe",\
      "alternativeAccount":"5531988889999@wa.gw.msging.net","identity":"5531988889999@wa.gw.msging.net",\
      "phoneNumber":"+5531988889999","source":"WhatsApp"},"method":"get","status":"success",\
      "id":"0b3bb3b5-6c5d-4b3c-9a35-3f0c1c3e8f21","from":"postmaster@wa.gw.msging.net/#az-iris3",\
      "to":"fakebot@msging.net/default","metadata":{"#command.uri":"lime://wa.gw.msging.net/accounts/+5531988889999",\
      "traceparent":"00-8f7e4a3b2c1d0e9f8a7b6c5d4e3f2a1b-1a2b3c4d5e6f7a8b-01"}}""";

  /** {@code get /contacts/{identity}} response (§4), a contact with the usual fields and extras. */
  public static final String CONTACT_RESPONSE = """
      {"type":"application/vnd.lime.contact+json","resource":{"identity":"5531988889999@wa.gw.msging.net",\
      "name":"Maria Aparecida dos Santos","email":"maria.santos@example.com","phoneNumber":"+5531988889999",\
      "city":"Belo Horizonte","gender":"female","culture":"pt-BR","timezone":-3,"group":"customers",\
      "source":"WhatsApp","lastMessageDate":"2024-05-17T14:22:05.310Z","creationDate":"2023-11-02T09:15:44.000Z",\
      "isPending":false,"sharePresence":true,"shareAccountInfo":true,"taxDocument":"123.456.789-09",\
      "extras":{"plan":"Gold","customerCode":"C-000184223","segment":"retail","optIn":"true",\
      "lastOrder":"2024-05-10"}},"method":"get","status":"success","id":"6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",\
      "from":"postmaster@crm.msging.net/#az-iris5","to":"fakebot@msging.net/default",\
      "metadata":{"#command.uri":"lime://fakebot@msging.net/contacts/5531988889999%40wa.gw.msging.net"}}""";

  /** A delivery notification as POSTed to the notification webhook (§6, §3.4). */
  public static final String NOTIFICATION = """
      {"id":"9f3c2b1a-8d7e-4f6a-b5c4-d3e2f1a0b9c8","from":"5531988889999@wa.gw.msging.net/whatsapp",\
      "to":"fakebot@msging.net/7a8fr233x","event":"received","metadata":{"#envelope.timestamp":"1715955725310",\
      "#message.to":"5531988889999@wa.gw.msging.net","traceparent":"00-8f7e4a3b2c1d0e9f8a7b6c5d4e3f2a1b-1a2b3c4d5e6f7a8b-01"}}""";

  /** Number of tickets in {@link #TICKETS_RESPONSE}. */
  public static final int TICKET_COUNT = 100;

  /** {@code get /tickets?$skip=0&$take=100} response (§5.1, §5.2): a collection of 100 tickets. */
  public static final String TICKETS_RESPONSE = tickets(TICKET_COUNT);

  /** The envelope JSON of {@link #ACCOUNT_RESPONSE} as UTF-8. */
  public static final byte[] ACCOUNT_RESPONSE_BYTES = ACCOUNT_RESPONSE.getBytes(StandardCharsets.UTF_8);
  /** The envelope JSON of {@link #CONTACT_RESPONSE} as UTF-8. */
  public static final byte[] CONTACT_RESPONSE_BYTES = CONTACT_RESPONSE.getBytes(StandardCharsets.UTF_8);
  /** The envelope JSON of {@link #NOTIFICATION} as UTF-8. */
  public static final byte[] NOTIFICATION_BYTES = NOTIFICATION.getBytes(StandardCharsets.UTF_8);
  /** The envelope JSON of {@link #TICKETS_RESPONSE} as UTF-8. */
  public static final byte[] TICKETS_RESPONSE_BYTES = TICKETS_RESPONSE.getBytes(StandardCharsets.UTF_8);

  private static String tickets(int n) {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("{\"type\":\"application/vnd.lime.collection+json\",\"resource\":{\"total\":1873,")
        .append("\"itemType\":\"application/vnd.iris.ticket+json\",\"items\":[");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      String status = STATUSES[i % STATUSES.length];
      boolean closed = status.startsWith("Closed");
      String day = String.format(Locale.ROOT, "2024-05-%02d", 1 + i % 28);
      String phone = String.format(Locale.ROOT, "55319%08d", 10_000_000 + i * 7919);
      b.append("{\"id\":\"").append(String.format(Locale.ROOT, "%08x-1c2d-4e5f-8a9b-%012x", 0x5a000000 + i, 77_000L + i))
          .append("\",\"sequentialId\":").append(10_000 + i)
          .append(",\"ownerIdentity\":\"fakebot@msging.net\"")
          .append(",\"customerIdentity\":\"").append(phone).append("@wa.gw.msging.net\"")
          .append(",\"customerDomain\":\"wa.gw.msging.net\"")
          .append(",\"agentIdentity\":\"agent").append(i % 12).append("%40acme.com@blip.ai\"")
          .append(",\"provider\":\"Lime\",\"status\":\"").append(status).append('"')
          .append(",\"team\":\"").append(TEAMS[i % TEAMS.length]).append('"')
          .append(",\"unreadMessages\":").append(i % 5)
          .append(",\"storageDate\":\"").append(day).append("T10:").append(String.format(Locale.ROOT, "%02d", i % 60))
          .append(":00.000Z\"")
          .append(",\"openDate\":\"").append(day).append("T10:05:00.000Z\"")
          .append(",\"statusDate\":\"").append(day).append("T11:00:00.000Z\"");
      if (closed) {
        b.append(",\"closeDate\":\"").append(day).append("T11:00:00.000Z\",\"closedBy\":\"agent")
            .append(i % 12).append("%40acme.com@blip.ai\",\"closed\":true");
      } else {
        b.append(",\"closed\":false");
      }
      b.append(",\"tags\":[\"vip\",\"billing-").append(i % 3).append("\"]")
          .append(",\"priority\":").append(i % 8)
          .append(",\"rating\":").append(i % 6)
          .append(",\"customerInput\":{\"type\":\"text/plain\",\"value\":\"Preciso de ajuda com a fatura ")
          .append(i).append("\"}")
          .append(",\"isAutomaticDistribution\":true,\"distributionType\":\"Redis\"}");
    }
    b.append("]},\"method\":\"get\",\"status\":\"success\",\"id\":\"4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8\"")
        .append(",\"from\":\"postmaster@desk.msging.net/#az-iris2\",\"to\":\"fakebot@msging.net/default\"")
        .append(",\"metadata\":{\"#command.uri\":\"lime://fakebot@msging.net/tickets?$skip=0&$take=100\"}}");
    return b.toString();
  }
}
