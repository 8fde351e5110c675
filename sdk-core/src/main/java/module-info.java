/**
 * The core of the Blip SDK: {@link dev.blipsdk.core.BlipClient}, LIME envelopes, errors, paging, and
 * webhooks (verification, parsing and a receiver helper).
 */
module dev.blipsdk.core {
  requires transitive okhttp3;
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports dev.blipsdk.core;
  exports dev.blipsdk.core.envelope;
  exports dev.blipsdk.core.exception;
  exports dev.blipsdk.core.observation;
  exports dev.blipsdk.core.webhook;
  exports dev.blipsdk.core.internal.bridge to dev.blipsdk.whatsapp, dev.blipsdk.desk;
}
