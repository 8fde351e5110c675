package dev.blipsdk.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blipsdk.core.exception.WebhookVerificationException;
import dev.blipsdk.core.exception.WebhookVerificationException.Failure;
import org.junit.jupiter.api.function.Executable;

/** Assertions on verification failures: one exception class, told apart by {@link Failure}. */
final class Verifications {
  private Verifications() {}

  static WebhookVerificationException fails(Failure failure, Executable call) {
    WebhookVerificationException e = assertThrows(WebhookVerificationException.class, call);
    assertEquals(failure, e.failure(), e.getMessage());
    return e;
  }

  static WebhookVerificationException fails(Failure failure, Executable call, String message) {
    WebhookVerificationException e = assertThrows(WebhookVerificationException.class, call, message);
    assertEquals(failure, e.failure(), message);
    return e;
  }

  static WebhookVerificationException failure(Failure failure, Object error) {
    WebhookVerificationException e = assertInstanceOf(WebhookVerificationException.class, error);
    assertEquals(failure, e.failure(), e.getMessage());
    return e;
  }
}
