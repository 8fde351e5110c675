/** WhatsApp active messages over Blip: recipients, templates, sending and status. */
module dev.blipsdk.whatsapp {
  requires transitive dev.blipsdk.core;
  requires org.slf4j;
  requires static transitive org.jspecify;
  exports dev.blipsdk.whatsapp;
  // the wire records of internal (templates, campaigns) are built by core's reader (JsonDocument.decode)
  exports dev.blipsdk.whatsapp.internal to dev.blipsdk.core;
}
