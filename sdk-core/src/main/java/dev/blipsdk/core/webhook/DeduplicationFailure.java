package dev.blipsdk.core.webhook;

/**
 * What a {@link WebhookReceiver} does with an event when its {@link DeduplicationStore} cannot answer.
 * Either way the failure is logged at WARN and reported to the error listener.
 */
public enum DeduplicationFailure {
  /**
   * Call the listeners anyway: no event is lost, a duplicate may get through while the store is down. The
   * default, because whether Blip delivers a webhook again after an error answer is not documented.
   */
  FAIL_OPEN,
  /**
   * Call no listener and answer 503, so that the sender delivers the event again later: no duplicate gets
   * through, and an event is lost if the sender does not retry.
   */
  FAIL_CLOSED
}
