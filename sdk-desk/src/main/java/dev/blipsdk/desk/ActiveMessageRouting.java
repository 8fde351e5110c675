package dev.blipsdk.desk;

/**
 * How a Desk active message arranges that the customer's answer goes to the agent who sent it. Blip does
 * not document the server rule the Desk app relies on (see the API reference, §5.7): both mechanisms
 * below are the SDK's best reading of the public evidence.
 */
public enum ActiveMessageRouting {
  /**
   * The default. The template is sent with the message metadata {@value DeskActiveMessages#AGENT_METADATA}
   * set to the agent's identity, the way a send from the Desk app is marked. A reply within the direct
   * routing window (24 h) opens a ticket for that agent (team {@code DIRECT_TRANSFER}); after it, the
   * normal queue rules apply. <b>UNCONFIRMED</b> against real Blip: it is the convention of the SDK's fake
   * server, {@code FakeBlip}.
   */
  AGENT_METADATA,
  /**
   * For router setups: before sending, the SDK sets the customer's {@code Master-State} context to the
   * service bot ({@code set /contexts/{identity}/Master-State}, {@code text/plain}, CONFIRMED by Blip's
   * help center), so the router hands the reply to the bot that runs Desk; then it sends the template with
   * the {@link #AGENT_METADATA} marking as well. Needs
   * {@link DeskClient.Builder#serviceBot(dev.blipsdk.core.envelope.Identity)} and a router client for
   * sending ({@link DeskClient.Builder#whatsApp(dev.blipsdk.whatsapp.WhatsAppClient)}).
   */
  MASTER_STATE
}
