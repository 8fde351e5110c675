package dev.blipsdk.core.envelope;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why a command or a message failed: LIME's {@code {"code": int, "description": string}}.
 *
 * <p>Blip sometimes sends a reason with no {@code code} (for example "The take parameter can not be
 * greater than 100"), so the code is nullable. Common codes are constants here.
 *
 * @param code the LIME reason code, or {@code null} when the server sent none
 * @param description the human-readable description, empty when the server sent none
 */
public record Reason(@Nullable Integer code, String description) {
  /** 1: general error. */
  public static final int GENERAL_ERROR = 1;
  /** 21: validation error. */
  public static final int VALIDATION_ERROR = 21;
  /** 23: invalid resource. */
  public static final int INVALID_RESOURCE = 23;
  /** 31: authorization error. */
  public static final int AUTHORIZATION_ERROR = 31;
  /** 42: destination not found. */
  public static final int DESTINATION_NOT_FOUND = 42;
  /** 61: command (or message) processing error. */
  public static final int COMMAND_PROCESSING_ERROR = 61;
  /** 62: the resource is not supported (unknown uri). */
  public static final int RESOURCE_NOT_SUPPORTED = 62;
  /** 63: method not supported. */
  public static final int METHOD_NOT_SUPPORTED = 63;
  /** 64: invalid argument. */
  public static final int INVALID_ARGUMENT = 64;
  /** 67: the requested resource was not found. */
  public static final int RESOURCE_NOT_FOUND = 67;
  /** 81: gateway error. */
  public static final int GATEWAY_ERROR = 81;
  /** 85: gateway request limit reached. */
  public static final int GATEWAY_REQUEST_LIMIT_REACHED = 85;

  /** Replaces a missing description with an empty one. */
  public Reason {
    description = Objects.requireNonNullElse(description, "");
  }

  /**
   * A reason with a code.
   *
   * @param code the code
   * @param description the description
   * @return the reason
   */
  public static Reason of(int code, String description) {
    return new Reason(code, description);
  }

  @Override
  public String toString() {
    return "Reason{code=" + code + ", description=" + description + "}";
  }
}
