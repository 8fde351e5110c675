/** A stateful, in-memory fake of the Blip HTTP API for tests. */
module dev.blipsdk.testing {
  requires transitive dev.blipsdk.core;
  requires transitive mockwebserver3;
  requires com.squareup.moshi;
  requires org.slf4j;
  requires static transitive org.jspecify;
  requires transitive org.junit.jupiter.api;
  exports dev.blipsdk.testing;
}
