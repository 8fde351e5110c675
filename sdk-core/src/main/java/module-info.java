module dev.blipsdk.core {
  requires transitive okhttp3;
  requires com.squareup.moshi;
  requires org.slf4j;
  requires static org.jspecify;
  exports dev.blipsdk.core;
}
