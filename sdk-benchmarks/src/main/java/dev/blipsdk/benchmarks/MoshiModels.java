package dev.blipsdk.benchmarks;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a developer writes to call Blip with raw OkHttp + Moshi: plain classes with fields, bound by Moshi's
 * reflective class adapter. The floor the SDK is measured against.
 */
@SuppressWarnings("NullAway")
public final class MoshiModels {
  private MoshiModels() {}

  /** Reason of a failure. */
  public static final class Reason {
    /** The code. */
    public @Nullable Integer code;
    /** The description. */
    public @Nullable String description;
  }

  /** A response command with an account resource. */
  public static final class AccountResponse {
    /** Fields of every response. */
    public @Nullable String id;
    /** Sender. */
    public @Nullable String from;
    /** Recipient. */
    public @Nullable String to;
    /** Method. */
    public @Nullable String method;
    /** Status. */
    public @Nullable String status;
    /** Resource MIME type. */
    public @Nullable String type;
    /** The account. */
    public @Nullable Account resource;
    /** Failure reason. */
    public @Nullable Reason reason;
    /** Metadata. */
    public @Nullable Map<String, String> metadata;
  }

  /** A WhatsApp account. */
  public static final class Account {
    /** Name. */
    public @Nullable String fullName;
    /** Where to send. */
    public @Nullable String alternativeAccount;
    /** Identity. */
    public @Nullable String identity;
    /** Phone. */
    public @Nullable String phoneNumber;
    /** Channel. */
    public @Nullable String source;
  }

  /** A response command with a contact resource. */
  public static final class ContactResponse {
    /** Id. */
    public @Nullable String id;
    /** Sender. */
    public @Nullable String from;
    /** Recipient. */
    public @Nullable String to;
    /** Method. */
    public @Nullable String method;
    /** Status. */
    public @Nullable String status;
    /** Resource MIME type. */
    public @Nullable String type;
    /** The contact. */
    public @Nullable Contact resource;
    /** Failure reason. */
    public @Nullable Reason reason;
    /** Metadata. */
    public @Nullable Map<String, String> metadata;
  }

  /** A contact. */
  public static final class Contact {
    /** Identity. */
    public @Nullable String identity;
    /** Name. */
    public @Nullable String name;
    /** E-mail. */
    public @Nullable String email;
    /** Phone. */
    public @Nullable String phoneNumber;
    /** City. */
    public @Nullable String city;
    /** Gender. */
    public @Nullable String gender;
    /** Culture. */
    public @Nullable String culture;
    /** Offset. */
    public int timezone;
    /** Group. */
    public @Nullable String group;
    /** Channel. */
    public @Nullable String source;
    /** Date. */
    public @Nullable String lastMessageDate;
    /** Date. */
    public @Nullable String creationDate;
    /** Pending. */
    public boolean isPending;
    /** Presence. */
    public boolean sharePresence;
    /** Account info. */
    public boolean shareAccountInfo;
    /** Tax document. */
    public @Nullable String taxDocument;
    /** Extras. */
    public @Nullable Map<String, String> extras;
  }

  /** A notification envelope. */
  public static final class NotificationEnvelope {
    /** Id. */
    public @Nullable String id;
    /** Sender. */
    public @Nullable String from;
    /** Recipient. */
    public @Nullable String to;
    /** Event. */
    public @Nullable String event;
    /** Reason. */
    public @Nullable Reason reason;
    /** Metadata. */
    public @Nullable Map<String, String> metadata;
  }

  /** A response command with a ticket collection. */
  public static final class TicketsResponse {
    /** Id. */
    public @Nullable String id;
    /** Sender. */
    public @Nullable String from;
    /** Recipient. */
    public @Nullable String to;
    /** Method. */
    public @Nullable String method;
    /** Status. */
    public @Nullable String status;
    /** Resource MIME type. */
    public @Nullable String type;
    /** The page. */
    public @Nullable TicketPage resource;
    /** Failure reason. */
    public @Nullable Reason reason;
    /** Metadata. */
    public @Nullable Map<String, String> metadata;
  }

  /** A collection of tickets. */
  public static final class TicketPage {
    /** Total. */
    public @Nullable Long total;
    /** Item type. */
    public @Nullable String itemType;
    /** Items. */
    public @Nullable List<Ticket> items;
  }

  /** Customer input. */
  public static final class CustomerInput {
    /** Type. */
    public @Nullable String type;
    /** Value. */
    public @Nullable String value;
  }

  /** A ticket. */
  public static final class Ticket {
    /** Id. */
    public @Nullable String id;
    /** Number. */
    public int sequentialId;
    /** Bot. */
    public @Nullable String ownerIdentity;
    /** Customer. */
    public @Nullable String customerIdentity;
    /** Domain. */
    public @Nullable String customerDomain;
    /** Agent. */
    public @Nullable String agentIdentity;
    /** Provider. */
    public @Nullable String provider;
    /** Status. */
    public @Nullable String status;
    /** Queue. */
    public @Nullable String team;
    /** Unread. */
    public long unreadMessages;
    /** Date. */
    public @Nullable String storageDate;
    /** Date. */
    public @Nullable String openDate;
    /** Date. */
    public @Nullable String statusDate;
    /** Date. */
    public @Nullable String closeDate;
    /** Closer. */
    public @Nullable String closedBy;
    /** Closed. */
    public boolean closed;
    /** Tags. */
    public @Nullable List<String> tags;
    /** Priority. */
    public int priority;
    /** Rating. */
    public int rating;
    /** Input. */
    public @Nullable CustomerInput customerInput;
  }

  /** A text message to send. */
  public static final class OutgoingMessage {
    /** Id. */
    public @Nullable String id;
    /** Recipient. */
    public @Nullable String to;
    /** MIME type. */
    public @Nullable String type;
    /** Text content. */
    public @Nullable String content;
  }

  /** A request command. */
  public static final class OutgoingCommand {
    /** Id. */
    public @Nullable String id;
    /** Recipient. */
    public @Nullable String to;
    /** Method. */
    public @Nullable String method;
    /** URI. */
    public @Nullable String uri;
  }
}
