/** A modular application: it reads the SDK as named modules and runs with {@code java --module-path}. */
module consumer {
  requires dev.blipsdk.whatsapp;
  requires dev.blipsdk.testing;
  requires jdk.httpserver;
}
