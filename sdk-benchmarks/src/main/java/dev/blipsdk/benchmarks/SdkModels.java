package dev.blipsdk.benchmarks;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The records an SDK user decodes resources into with {@code JsonDocument.decode(Class)}: the same fields the
 * raw Moshi side ({@link MoshiModels}) reads, so both sides do the same work.
 */
public final class SdkModels {
  private SdkModels() {}

  /**
   * A WhatsApp account (§3.1).
   *
   * @param fullName the name
   * @param alternativeAccount where to send messages
   * @param identity the identity
   * @param phoneNumber the phone number
   * @param source the channel
   */
  public record Account(@Nullable String fullName, @Nullable String alternativeAccount, @Nullable String identity,
      @Nullable String phoneNumber, @Nullable String source) {}

  /**
   * A contact (§4).
   *
   * @param identity the identity
   * @param name the name
   * @param email the e-mail
   * @param phoneNumber the phone
   * @param city the city
   * @param gender the gender
   * @param culture the culture
   * @param timezone the UTC offset
   * @param group the group
   * @param source the channel
   * @param lastMessageDate ISO date-time
   * @param creationDate ISO date-time
   * @param isPending pending
   * @param sharePresence shares presence
   * @param shareAccountInfo shares account info
   * @param taxDocument the tax document
   * @param extras string extras
   */
  public record Contact(@Nullable String identity, @Nullable String name, @Nullable String email,
      @Nullable String phoneNumber, @Nullable String city, @Nullable String gender, @Nullable String culture,
      int timezone, @Nullable String group, @Nullable String source, @Nullable String lastMessageDate,
      @Nullable String creationDate, boolean isPending, boolean sharePresence, boolean shareAccountInfo,
      @Nullable String taxDocument, Map<String, String> extras) {}

  /**
   * What the customer typed when the ticket opened.
   *
   * @param type the MIME type
   * @param value the text
   */
  public record CustomerInput(@Nullable String type, @Nullable String value) {}

  /**
   * A Desk ticket (§5.1), the fields a list screen shows.
   *
   * @param id the id
   * @param sequentialId the per-bot number
   * @param ownerIdentity the bot
   * @param customerIdentity the customer
   * @param customerDomain the customer's domain
   * @param agentIdentity the agent
   * @param provider the provider
   * @param status the status
   * @param team the queue
   * @param unreadMessages unread count
   * @param storageDate creation
   * @param openDate opening
   * @param statusDate last status change
   * @param closeDate closing
   * @param closedBy who closed it
   * @param closed whether closed
   * @param tags the tags
   * @param priority the priority
   * @param rating the rating
   * @param customerInput the customer input
   */
  public record TicketRecord(@Nullable String id, int sequentialId, @Nullable String ownerIdentity,
      @Nullable String customerIdentity, @Nullable String customerDomain, @Nullable String agentIdentity,
      @Nullable String provider, @Nullable String status, @Nullable String team, long unreadMessages,
      @Nullable String storageDate, @Nullable String openDate, @Nullable String statusDate,
      @Nullable String closeDate, @Nullable String closedBy, boolean closed, List<String> tags, int priority,
      int rating, @Nullable CustomerInput customerInput) {}

  /**
   * A page of tickets as one record, for the one-pass typed read.
   *
   * @param total the total, if the server sent one
   * @param itemType the items' MIME type
   * @param items the tickets
   */
  public record TicketPage(@Nullable Long total, @Nullable String itemType, List<TicketRecord> items) {}

  /**
   * A page of Desk tickets, the same shape as the Desk module's internal page record.
   *
   * @param total the total
   * @param items the tickets
   */
  public record DeskTicketPage(@Nullable Long total, List<dev.blipsdk.desk.Ticket> items) {}
}
