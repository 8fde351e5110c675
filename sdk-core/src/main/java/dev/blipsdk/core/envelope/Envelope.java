package dev.blipsdk.core.envelope;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What every LIME envelope carries: an id, the addresses and string metadata. The three kinds are
 * {@link Message}, {@link Notification} and {@link Command}.
 */
public sealed interface Envelope permits Message, Notification, Command {

  /**
   * The envelope id. Messages and notifications refer to each other by it; a response command echoes
   * its request's id.
   *
   * @return the id, or {@code null} when absent (for example an {@code observe} command)
   */
  @Nullable String id();

  /**
   * The sender.
   *
   * @return the sender, or {@code null} when absent (the server fills it in on send)
   */
  @Nullable Node from();

  /**
   * The recipient.
   *
   * @return the recipient, or {@code null} when absent
   */
  @Nullable Node to();

  /**
   * "Per procurationem": the delegate that sends on behalf of another identity.
   *
   * @return the delegate, or {@code null}
   */
  @Nullable Node pp();

  /**
   * The metadata, in the order received. Every value is a string, or {@code null} where the JSON said
   * {@code null} (kept: a key sent as null is not the same as a key not sent).
   *
   * @return the metadata, never {@code null}, unmodifiable
   */
  Map<String, @Nullable String> metadata();
}
