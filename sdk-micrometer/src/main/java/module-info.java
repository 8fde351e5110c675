/**
 * Micrometer observations, timers and counters for the Blip SDK: {@link dev.blipsdk.micrometer.MicrometerOperationListener}.
 */
module dev.blipsdk.micrometer {
  requires transitive dev.blipsdk.core;
  requires transitive micrometer.observation;
  requires transitive micrometer.core;
  requires static transitive org.jspecify;

  exports dev.blipsdk.micrometer;
}
