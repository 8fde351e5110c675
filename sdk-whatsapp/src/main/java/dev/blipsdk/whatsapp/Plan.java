package dev.blipsdk.whatsapp;

/** A Blip plan and its message throughput (messages per second), the default rate of a bulk send. */
public enum Plan {
  /** Free plan: 3 messages per second. */
  FREE(3),
  /** Paid plan: 50 messages per second. */
  PAID(50);

  private final int messagesPerSecond;

  Plan(int messagesPerSecond) {
    this.messagesPerSecond = messagesPerSecond;
  }

  /**
   * The plan's message throughput.
   *
   * @return messages per second
   */
  public int messagesPerSecond() {
    return messagesPerSecond;
  }
}
