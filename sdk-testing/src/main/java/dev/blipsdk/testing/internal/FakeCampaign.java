package dev.blipsdk.testing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One active campaign the fake holds, with its audience. Kept compact (a few fields and timestamps per recipient)
 * so that a fake can hold campaigns of hundreds of thousands of recipients: notifications, statuses and reports
 * are computed from the timestamps when asked. Guarded by the bot's lock.
 */
public final class FakeCampaign {
  /** Campaign lifecycle as the fake models it (wire strings UNCONFIRMED past {@code processing}). */
  static final String CREATED = "created";
  static final String SCHEDULED = "scheduled";
  static final String PROCESSING = "processing";
  static final String DISPATCHED = "dispatched";
  static final String FINISHED = "finished";
  static final String CANCELED = "canceled";
  static final String FAILED = "failed";

  final String id;
  final String name;
  final String campaignType;
  final @Nullable String masterState;
  final @Nullable String flowId;
  final @Nullable String stateId;
  final List<Object> tags;
  final boolean canSendWithOpenTicket;
  final Instant created;
  @Nullable Instant scheduled;
  final String template;
  final @Nullable String language;
  final List<String> paramKeys;
  final Map<String, Entry> audience = new LinkedHashMap<>();
  /** Set by {@code /dispatch/v2} (or {@code /campaign/full}): the campaign starts at {@link #scheduled} or now. */
  boolean dispatchRequested;
  boolean canceled;
  @Nullable String failedReason;
  /** When sending started, or null. */
  @Nullable Instant startedAt;
  /** When the last message was handed to the channel. */
  @Nullable Instant lastSendAt;
  /** When the last scripted event of any recipient happens. */
  @Nullable Instant finishAt;

  FakeCampaign(String id, String name, String campaignType, @Nullable String masterState, @Nullable String flowId,
      @Nullable String stateId, List<Object> tags, boolean canSendWithOpenTicket, Instant created,
      @Nullable Instant scheduled, String template, @Nullable String language, List<String> paramKeys) {
    this.id = id;
    this.name = name;
    this.campaignType = campaignType;
    this.masterState = masterState;
    this.flowId = flowId;
    this.stateId = stateId;
    this.tags = tags;
    this.canSendWithOpenTicket = canSendWithOpenTicket;
    this.created = created;
    this.scheduled = scheduled;
    this.template = template;
    this.language = language;
    this.paramKeys = List.copyOf(paramKeys);
  }

  /** The campaign status at a time. */
  String status(Instant now) {
    if (canceled) {
      return CANCELED;
    }
    if (failedReason != null) {
      return FAILED;
    }
    if (!dispatchRequested) {
      return CREATED;
    }
    if (startedAt == null) {
      return SCHEDULED;
    }
    // at the instant it starts a campaign is processing, as Blip answers right after creation (3P)
    if (lastSendAt == null || !now.isAfter(lastSendAt)) {
      return PROCESSING;
    }
    if (finishAt == null || !now.isAfter(finishAt)) {
      return DISPATCHED;
    }
    return FINISHED;
  }

  /** One recipient of the audience and how far its message got (epoch millis, -1 for never). */
  static final class Entry {
    final String recipient;
    final Map<String, String> params;
    /** The WhatsApp identity, or null when the recipient is not a phone number. */
    @Nullable String identity;
    @Nullable String messageId;
    boolean valid = true;
    long processed = -1;
    long sent = -1;
    long received = -1;
    long read = -1;
    long failed = -1;
    long replied = -1;
    long reasonCode;
    @Nullable String reasonDescription;

    Entry(String recipient, Map<String, String> params) {
      this.recipient = recipient;
      this.params = params;
    }

    /** Audience status at a time: PENDING, PROCESSED, SENT, DELIVERED, READ or FAILED. */
    String status(long now) {
      if (failed >= 0 && failed <= now) {
        return "FAILED";
      }
      if (read >= 0 && read <= now) {
        return "READ";
      }
      if (received >= 0 && received <= now) {
        return "DELIVERED";
      }
      if (sent >= 0 && sent <= now) {
        return "SENT";
      }
      if (processed >= 0 && processed <= now) {
        return "PROCESSED";
      }
      return "PENDING";
    }

    /** The notification events that happened by a time, with their times, in order. */
    List<Map.Entry<String, Long>> events(long now) {
      List<Map.Entry<String, Long>> out = new ArrayList<>(4);
      add(out, "accepted", processed, now);
      add(out, "dispatched", sent, now);
      add(out, "received", received, now);
      add(out, "consumed", read, now);
      add(out, "failed", failed, now);
      out.sort(Map.Entry.comparingByValue());
      return out;
    }

    /** The time of the last scripted event (the reply excluded). */
    long last() {
      return Math.max(Math.max(Math.max(processed, sent), Math.max(received, read)), failed);
    }

    private static void add(List<Map.Entry<String, Long>> out, String event, long at, long now) {
      if (at >= 0 && at <= now) {
        out.add(Map.entry(event, at));
      }
    }
  }
}
