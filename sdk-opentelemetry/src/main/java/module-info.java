/**
 * OpenTelemetry spans and metrics for the Blip SDK: {@link dev.blipsdk.opentelemetry.OpenTelemetryOperationListener}.
 */
module dev.blipsdk.opentelemetry {
  requires transitive dev.blipsdk.core;
  requires transitive io.opentelemetry.api;
  requires transitive io.opentelemetry.context;
  requires static transitive org.jspecify;

  exports dev.blipsdk.opentelemetry;
}
