package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.exception.IncompatibleClasspathException;
import org.junit.jupiter.api.Test;

/** OkHttp 4 beside the SDK's OkHttp 5: build() refuses the classpath, naming every jar and the fix. */
class OkHttp4BesideTest {
  static final String EXPECTED = String.join("\n",
      "blip-sdk-java cannot run on this classpath; its first HTTP call would fail with a NoSuchMethodError or a "
          + "misleading cancellation:",
      "  - OkHttp is on the classpath more than once: okhttp-jvm-5.4.0.jar (5.4.0) and okhttp-4.12.0.jar (4.12.0); "
          + "they hold the same classes and whichever comes first wins. Fix: exclude the OkHttp that is not 5.x "
          + "(com.squareup.okhttp3:okhttp 4.x) from the dependency that brings it; "
          + "`mvn dependency:tree -Dincludes=com.squareup.okhttp3` shows which one.",
      "  - okio okio-jvm-3.6.0.jar (3.6.0) is older than 3.17.0, which OkHttp 5.4.0 needs. Fix: import "
          + "com.squareup.okio:okio-bom:3.17.0 in <dependencyManagement> (Gradle: "
          + "implementation(platform(\"com.squareup.okio:okio-bom:3.17.0\"))).",
      "  - kotlin-stdlib 1.8.21 is older than 1.9, which OkHttp 5.4.0 needs. Fix: declare "
          + "org.jetbrains.kotlin:kotlin-stdlib 1.9 or newer (Spring Boot: set the property kotlin.version).");

  @Test
  void buildRefusesTheClasspathWithTheFix() {
    IncompatibleClasspathException e = assertThrows(IncompatibleClasspathException.class, () ->
        BlipClient.builder().baseUrl("http://127.0.0.1:9").credentials("bot", "key").build());
    System.out.println("okhttp4-beside: build() says:\n" + e.getMessage());
    assertEquals(EXPECTED, e.getMessage());
    assertEquals(3, e.problems().size());
    // checked once per JVM: the next build() says the same
    IncompatibleClasspathException again = assertThrows(IncompatibleClasspathException.class, () ->
        BlipClient.builder().baseUrl("http://127.0.0.1:9").credentials("bot", "key").build());
    assertEquals(EXPECTED, again.getMessage());
  }
}
