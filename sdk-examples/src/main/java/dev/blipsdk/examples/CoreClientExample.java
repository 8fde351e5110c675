package dev.blipsdk.examples;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.CommandUri;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.RetryPolicy;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.MediaTypes;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.core.exception.RateLimitException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The core client on its own: building it, sending a plain message, running any command (even one the SDK has no
 * helper for) and handling errors. Runs on the embedded fake Blip unless {@code BLIP_CONTRACT} is set.
 */
public final class CoreClientExample {
  private CoreClientExample() {}

  /** A contact as this program wants it; decoding ignores the fields it does not name. */
  public record ContactSummary(String identity, String name, Map<String, String> extras) {}

  /**
   * Builds a client from explicit settings, the way a service would.
   *
   * @param contractId the contract id
   * @param accessKey the bot's access key
   * @return the client
   */
  static BlipClient buildClient(String contractId, String accessKey) {
    // [snippet:client]
    BlipClient client = BlipClient.builder()
        .contract(contractId)                       // https://{contractId}.http.msging.net
        .credentials("mybot", accessKey)            // or .authorizationKey("Key bXlib3Q6...")
        .connectTimeout(Duration.ofSeconds(5))
        .deadline(Duration.ofSeconds(20))           // all attempts and waits of one call
        .retryPolicy(RetryPolicy.builder().maxAttempts(4).build())
        .userAgentSuffix("my-crm/2.3")
        .build();                                   // immutable and thread-safe: one per bot, shared
    // [/snippet:client]
    return client;
  }

  /**
   * Sends a text message and reads contacts with a generic command.
   *
   * @param client the client
   * @param to the recipient identity
   * @return the contacts read
   */
  static List<ContactSummary> run(BlipClient client, String to) {
    // [snippet:generic-command]
    Message sent = client.sendMessage(Message.text(Node.parse(to), "Your order has shipped."));
    System.out.println("sent message " + sent.id());

    // Any command, even one the SDK has no helper for: to, method, uri (query encoded for you), type, resource.
    Command response = client.execute(Command.get(CommandUri.path("/contacts").query("$take", 2).build())
        .to("postmaster@crm.msging.net")
        .build());
    List<ContactSummary> contacts = response.requireResource()
        .asCollection(ContactSummary.class)               // one pass; names in any case, unknown ones skipped
        .items();

    client.execute(Command.merge("/contacts", MediaTypes.CONTACT,
            JsonDocument.of(Map.of("identity", to, "extras", Map.of("vip", "true"))))
        .to("postmaster@crm.msging.net").build(),
        RequestOptions.builder().idempotent(true).build());  // a merge of the same fields may be repeated
    // [/snippet:generic-command]
    return contacts;
  }

  /**
   * Shows the typed errors on a command that fails.
   *
   * @param client the client
   * @return the description of what happened
   */
  static String errors(BlipClient client) {
    String outcome;
    // [snippet:errors]
    try {
      client.execute(Command.get("/contacts/nobody@wa.gw.msging.net").to("postmaster@crm.msging.net").build());
      outcome = "found";
    } catch (BlipCommandException e) {               // "status":"failure" inside HTTP 200
      outcome = e.isNotFound() ? "no such contact" : "failed: " + e.reasonCode() + " " + e.description();
    } catch (RateLimitException e) {                 // 429 after the retries allowed within the deadline
      outcome = "slow down, retry after " + e.retryAfter();
    } catch (BlipException e) {                      // every other SDK error, with isRetryable() and attempts()
      outcome = (e.isRetryable() ? "try again later: " : "give up: ") + e.getMessage();
    }
    // [/snippet:errors]
    return outcome;
  }

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open()) {
      System.out.println("Connected to " + env.description());
      List<ContactSummary> contacts = run(env.client(), ExampleEnvironment.DEMO_IDENTITY);
      contacts.forEach(c -> System.out.println("contact: " + c.name() + ", extras " + c.extras().keySet()));
      System.out.println("looking up an unknown contact: " + errors(env.client()));
    }
  }
}
