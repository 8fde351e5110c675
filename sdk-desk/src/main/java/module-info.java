/** Blip Desk: contacts, tickets, queues, agents, monitoring and active messages from Desk. */
module dev.blipsdk.desk {
  requires transitive dev.blipsdk.core;
  requires transitive dev.blipsdk.whatsapp;
  requires org.slf4j;
  requires static transitive org.jspecify;
  exports dev.blipsdk.desk;
  // the collection records of internal.Pages are decoded by core's reader (BlipClient.execute(Command, Class))
  exports dev.blipsdk.desk.internal to dev.blipsdk.core;
}
