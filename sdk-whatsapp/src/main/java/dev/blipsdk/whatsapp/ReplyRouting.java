package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Where a customer's reply to a campaign message lands (API doc §3.5, §5.7): the Builder flow and block
 * ({@code flowId}, {@code stateId}) and, behind a router, the service bot to hand the conversation to
 * ({@code masterState}: the router identity Desk's {@code RouterIdentityActiveCampaign} setting names). A block that
 * is a human-attendance block puts the reply in a Desk queue; Blip then opens the ticket with the campaign's id
 * ({@code CampaignId}, see {@code DeskClient.campaignOf}).
 *
 * <pre>{@code
 * ReplyRouting.toBlock(flowId, stateId).viaRouter("router@msging.net")
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param flowId the flow id, or null (then {@code stateId} is null too)
 * @param stateId the block id, or null
 * @param masterState the router identity ({@code router@msging.net}), or null
 */
public record ReplyRouting(@Nullable String flowId, @Nullable String stateId, @Nullable String masterState) {

  /**
   * Checks the parts: flow and block go together; the master state is an identity.
   *
   * @throws BlipValidationException naming the field and the rule
   */
  public ReplyRouting {
    if ((flowId == null) != (stateId == null)) {
      throw new BlipValidationException(flowId == null ? "routing.flowId" : "routing.stateId", "routing-block",
          "a reply is routed to a block of a flow: give both flowId and stateId, or neither");
    }
    if (flowId != null && (flowId.isBlank() || stateId.isBlank())) {
      throw new BlipValidationException(flowId.isBlank() ? "routing.flowId" : "routing.stateId", "empty",
          "flowId and stateId must not be blank");
    }
    if (masterState != null) {
      try {
        Identity.parse(masterState);
      } catch (IllegalArgumentException e) {
        throw new BlipValidationException("routing.masterState", "identity",
            "masterState must be a bot identity such as router@msging.net: " + e.getMessage());
      }
      if (!masterState.contains("@")) {
        throw new BlipValidationException("routing.masterState", "identity",
            "masterState must be a bot identity such as router@msging.net");
      }
    }
  }

  /**
   * No routing: replies go wherever the bot's flow sends them.
   *
   * @return the routing
   */
  public static ReplyRouting none() {
    return new ReplyRouting(null, null, null);
  }

  /**
   * Replies land in a block of a flow.
   *
   * @param flowId the flow id
   * @param stateId the block id
   * @return the routing
   */
  public static ReplyRouting toBlock(String flowId, String stateId) {
    return new ReplyRouting(nonNull(flowId, "routing.flowId"), nonNull(stateId, "routing.stateId"), null);
  }

  /**
   * The same routing, through a router: {@code masterState} names it.
   *
   * @param routerIdentity the router's identity, for example {@code router@msging.net}
   * @return a new routing
   */
  public ReplyRouting viaRouter(String routerIdentity) {
    return new ReplyRouting(flowId, stateId, nonNull(routerIdentity, "routing.masterState"));
  }

  private static String nonNull(@Nullable String v, String field) {
    if (v == null) {
      throw new BlipValidationException(field, "required", field + " must not be null");
    }
    return v;
  }
}
