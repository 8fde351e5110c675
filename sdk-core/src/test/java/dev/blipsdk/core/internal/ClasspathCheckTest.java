package dev.blipsdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.exception.IncompatibleClasspathException;
import dev.blipsdk.core.internal.ClasspathCheck.Findings;
import dev.blipsdk.core.internal.ClasspathCheck.Jar;
import dev.blipsdk.core.internal.ClasspathCheck.Requirements;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathCheckTest {
  private static final Requirements NEEDED = new Requirements("5.4.0", "3.17.0", "1.9");
  private static final Jar OKHTTP5 = new Jar("okhttp-jvm-5.4.0.jar", "5.4.0");
  private static final Jar OKHTTP4 = new Jar("okhttp-4.12.0.jar", "4.12.0");
  private static final Jar OKIO_NEW = new Jar("okio-jvm-3.17.0.jar", "3.17.0");
  private static final Jar OKIO_OLD = new Jar("okio-jvm-3.7.0.jar", "3.7.0");

  @Test
  void theReactorsOwnClasspathPasses() {
    Findings found = ClasspathCheck.read(getClass().getClassLoader());
    assertEquals(List.of("5.4.0"), found.okhttpJars().stream().map(Jar::version).toList(), found.toString());
    assertEquals("3.17.0", found.okioJars().get(0).version());
    assertTrue(found.okioHasSocket());
    assertNull(ClasspathCheck.diagnose(found, NEEDED));
    ClasspathCheck.verify();   // and build() runs it: every other test in this module builds clients
  }

  @Test
  void aGoodClasspathHasNoProblem() {
    assertNull(ClasspathCheck.diagnose(new Findings(List.of(OKHTTP5), "5.4.0", List.of(OKIO_NEW), true, "2.1.21"),
        NEEDED));
    assertNull(ClasspathCheck.diagnose(new Findings(List.of(OKHTTP5), "5.4.0", List.of(OKIO_NEW), true, "1.9.25"),
        NEEDED), "Spring Boot 3.5 manages kotlin-stdlib 1.9.25");
    assertNull(ClasspathCheck.diagnose(new Findings(List.of(OKHTTP5, OKHTTP5), "5.4.0", List.of(OKIO_NEW), true,
        "2.1.21"), NEEDED), "the same OkHttp twice (okhttp and okhttp-jvm 5.4.0) holds identical classes");
  }

  @Test
  void anOldOkioIsRefusedWithTheBomToImport() {
    IncompatibleClasspathException e = ClasspathCheck.diagnose(
        new Findings(List.of(OKHTTP5), "5.4.0", List.of(OKIO_OLD), false, "2.1.21"), NEEDED);
    assertNotNull(e);
    assertEquals("blip-sdk-java cannot run on this classpath; its first HTTP call would fail with a "
        + "NoSuchMethodError or a misleading cancellation:\n"
        + "  - okio okio-jvm-3.7.0.jar (3.7.0) is older than 3.17.0, which OkHttp 5.4.0 needs. Fix: import "
        + "com.squareup.okio:okio-bom:3.17.0 in <dependencyManagement> (Gradle: "
        + "implementation(platform(\"com.squareup.okio:okio-bom:3.17.0\"))).", e.getMessage());
    assertEquals(1, e.problems().size());
    assertEquals(0, e.attempts());
  }

  @Test
  void anOkioWithoutTheMethodOkHttpCallsIsRefusedEvenWhenItsVersionIsUnknown() {
    IncompatibleClasspathException e = ClasspathCheck.diagnose(new Findings(List.of(OKHTTP5), "5.4.0",
        List.of(new Jar("classes", "unknown")), false, "2.1.21"), NEEDED);
    assertNotNull(e);
    assertTrue(e.problems().get(0).startsWith("okio classes (unknown) is older than 3.17.0"), e.getMessage());
  }

  @Test
  void okHttp4BesideOkHttp5IsRefusedWithTheExclusion() {
    IncompatibleClasspathException e = ClasspathCheck.diagnose(
        new Findings(List.of(OKHTTP4, OKHTTP5), "4.12.0", List.of(OKIO_NEW), true, "2.1.21"), NEEDED);
    assertNotNull(e);
    assertEquals(List.of("OkHttp is on the classpath more than once: okhttp-4.12.0.jar (4.12.0) and "
        + "okhttp-jvm-5.4.0.jar (5.4.0); they hold the same classes and whichever comes first wins. Fix: exclude "
        + "the OkHttp that is not 5.x (com.squareup.okhttp3:okhttp 4.x) from the dependency that brings it; "
        + "`mvn dependency:tree -Dincludes=com.squareup.okhttp3` shows which one"), e.problems());
  }

  @Test
  void okHttp4AloneIsRefusedWithTheBomToImport() {
    IncompatibleClasspathException e = ClasspathCheck.diagnose(
        new Findings(List.of(OKHTTP4), "4.12.0", List.of(OKIO_NEW), true, "2.1.21"), NEEDED);
    assertNotNull(e);
    assertTrue(e.problems().get(0).startsWith("OkHttp 4.12.0 (okhttp-4.12.0.jar) is on the classpath, but this "
        + "SDK needs OkHttp 5.x"), e.getMessage());
    assertTrue(e.getMessage().contains("com.squareup.okhttp3:okhttp-bom:5.4.0"), e.getMessage());
  }

  @Test
  void anOldOrMissingKotlinStdlibIsRefused() {
    IncompatibleClasspathException old = ClasspathCheck.diagnose(
        new Findings(List.of(OKHTTP5), "5.4.0", List.of(OKIO_NEW), true, "1.8.21"), NEEDED);
    assertNotNull(old);
    assertTrue(old.problems().get(0).startsWith("kotlin-stdlib 1.8.21 is older than 1.9"), old.getMessage());
    IncompatibleClasspathException missing = ClasspathCheck.diagnose(
        new Findings(List.of(OKHTTP5), "5.4.0", List.of(OKIO_NEW), true, null), NEEDED);
    assertNotNull(missing);
    assertTrue(missing.problems().get(0).startsWith("kotlin-stdlib (not found)"), missing.getMessage());
  }

  @Test
  void everyProblemIsListedAtOnce() {
    IncompatibleClasspathException e = ClasspathCheck.diagnose(
        new Findings(List.of(OKHTTP4, OKHTTP5), "4.12.0", List.of(OKIO_OLD), false, "1.8.21"), NEEDED);
    assertNotNull(e);
    assertEquals(3, e.problems().size(), e.getMessage());
  }

  @Test
  void versionsCompareByTheirNumbers() {
    assertTrue(ClasspathCheck.compare("3.7.0", "3.17.0") < 0);
    assertTrue(ClasspathCheck.compare("2.1.21-release-317", "1.9") > 0);
    assertEquals(0, ClasspathCheck.compare("1.9", "1.9.0"));
    assertTrue(ClasspathCheck.compare("1.8.21", "1.9") < 0);
    assertEquals(0, ClasspathCheck.compare("99999999999999.1", "0"), "absurd parts are not numbers");
  }

  @Test
  void jarsAreNamedFromTheirManifestOrTheirFileName(@TempDir Path dir) throws IOException {
    Path withManifest = jar(dir.resolve("okio-jvm-3.17.0.jar"), "com.squareup.okio", "3.17.0");
    Path nameOnly = jar(dir.resolve("okio-jvm-3.7.0.jar"), null, null);
    assertEquals(List.of(new Jar("okio-jvm-3.17.0.jar", "3.17.0"), new Jar("okio-jvm-3.7.0.jar", "3.7.0")),
        okioJars(withManifest, nameOnly));
  }

  @Test
  void aShadedJarsOwnVersionIsNeverTakenForOkios(@TempDir Path dir) throws IOException {
    // an uber jar: okio's classes inside, but the manifest and the file name are the application's
    Path shaded = jar(dir.resolve("my-service-2.4.1.jar"), "com.example.my-service", "2.4.1");
    Path plain = jar(dir.resolve("benchmarks.jar"), null, null);
    assertEquals(List.of(new Jar("my-service-2.4.1.jar", "unknown"), new Jar("benchmarks.jar", "unknown")),
        okioJars(shaded, plain));
    // with the version unknown, the check rests on the method OkHttp calls: present, so no problem
    assertNull(ClasspathCheck.diagnose(new Findings(List.of(new Jar("my-service-2.4.1.jar", "unknown")), "5.4.0",
        okioJars(shaded), true, "2.1.21"), NEEDED));
  }

  private static List<Jar> okioJars(Path... jars) throws IOException {
    URL[] urls = new URL[jars.length];
    for (int i = 0; i < jars.length; i++) {
      urls[i] = jars[i].toUri().toURL();
    }
    try (URLClassLoader loader = new URLClassLoader(urls, null)) {
      return java.util.Collections.list(loader.getResources("okio/Okio.class")).stream()
          .map(url -> ClasspathCheck.jarOf(url, "okio/Okio.class", "com.squareup.okio", "okio")).toList();
    }
  }

  @Test
  void buildPassesTheCheckOnAGoodClasspath() {
    // On this (good) classpath build() passes the check and goes on to what it validates next.
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> BlipClient.builder().build());
    assertTrue(e.getMessage().startsWith("BlipClient is missing"), e.getMessage());
  }

  private static Path jar(Path path, String bundle, String bundleVersion) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (bundle != null) {
      manifest.getMainAttributes().putValue("Bundle-SymbolicName", bundle);
      manifest.getMainAttributes().putValue("Bundle-Version", bundleVersion);
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(path), manifest)) {
      out.putNextEntry(new JarEntry("okio/Okio.class"));
      out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
      out.closeEntry();
    }
    return path;
  }
}
