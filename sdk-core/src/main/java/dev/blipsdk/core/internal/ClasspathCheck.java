package dev.blipsdk.core.internal;

import dev.blipsdk.core.exception.IncompatibleClasspathException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.jspecify.annotations.Nullable;

/**
 * Refuses, at {@code BlipClient.Builder.build()}, a classpath the SDK cannot run on: OkHttp 4 alone or beside
 * OkHttp 5, an okio older than the OkHttp in use needs, a kotlin-stdlib older than it needs. Without this, such a
 * classpath fails on the first HTTP call with a {@link NoSuchMethodError} (blocking) or a misleading cancellation
 * (async).
 *
 * <p>The classpath is read once per JVM (three resource look-ups and a few manifests); every {@link #verify()}
 * after that costs a field read. {@link #diagnose} is the pure rule, tested with every combination.
 */
public final class ClasspathCheck {
  private ClasspathCheck() {}

  /** One jar that holds a class of interest: its file name and the version its manifest or name gives. */
  public record Jar(String name, String version) {
    @Override
    public String toString() {
      return name + " (" + version + ")";
    }
  }

  /**
   * What the classpath holds.
   *
   * @param okhttpJars every jar holding {@code okhttp3/OkHttpClient.class}, in classpath order
   * @param okhttpVersion {@code okhttp3.OkHttp.VERSION} of the OkHttp that loads, or null when unreadable
   * @param okioJars every jar holding {@code okio/Okio.class}, in classpath order
   * @param okioHasSocket whether {@code okio.Okio.socket(java.net.Socket)}, which OkHttp 5.4 calls, exists
   * @param kotlinVersion {@code kotlin.KotlinVersion.CURRENT}, or null when unreadable
   */
  public record Findings(List<Jar> okhttpJars, @Nullable String okhttpVersion, List<Jar> okioJars,
      boolean okioHasSocket, @Nullable String kotlinVersion) {}

  /**
   * What the SDK needs: the versions in the published pom of the OkHttp it is built against.
   *
   * @param okhttp the OkHttp version built against (its major version is required)
   * @param okio the okio version that OkHttp declares
   * @param kotlinMinimum the oldest kotlin-stdlib that OkHttp runs on
   */
  public record Requirements(String okhttp, String okio, String kotlinMinimum) {
    static Requirements load() {
      Properties p = new Properties();
      try (InputStream in = ClasspathCheck.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        // the defaults below are the versions of this build
      }
      return new Requirements(value(p, "okhttp", "5.4.0"), value(p, "okio", "3.17.0"),
          value(p, "kotlin-stdlib.minimum", "1.9"));
    }

    private static String value(Properties p, String key, String fallback) {
      String v = p.getProperty(key);
      return v == null || v.startsWith("$") ? fallback : v;
    }
  }

  private static final class Holder {
    static final @Nullable IncompatibleClasspathException PROBLEM =
        diagnose(read(ClasspathCheck.class.getClassLoader()), Requirements.load());
  }

  /**
   * Throws when this JVM's classpath cannot run the SDK; reads the classpath on the first call only.
   *
   * @throws IncompatibleClasspathException naming the jars found and the fix
   */
  public static void verify() {
    IncompatibleClasspathException problem = Holder.PROBLEM;
    if (problem != null) {
      // a fresh exception, so that its stack trace is the caller's
      throw new IncompatibleClasspathException(problem.getMessage(), problem.problems());
    }
  }

  /**
   * The rule: the problems in {@code found} against {@code needed}, or null when there is none.
   *
   * @param found what the classpath holds
   * @param needed what the SDK needs
   * @return the exception to throw, or null
   */
  public static @Nullable IncompatibleClasspathException diagnose(Findings found, Requirements needed) {
    List<String> problems = new ArrayList<>();
    String okhttpMajor = major(needed.okhttp());
    Set<String> okhttpVersions = new LinkedHashSet<>();
    for (Jar jar : found.okhttpJars()) {
      okhttpVersions.add(jar.version());
    }
    if (okhttpVersions.size() > 1) {
      problems.add("OkHttp is on the classpath more than once: " + join(found.okhttpJars())
          + "; they hold the same classes and whichever comes first wins. Fix: exclude the OkHttp that is not "
          + okhttpMajor + ".x (com.squareup.okhttp3:okhttp 4.x) from the dependency that brings it; "
          + "`mvn dependency:tree -Dincludes=com.squareup.okhttp3` shows which one");
    } else if (found.okhttpVersion() != null && !okhttpMajor.equals(major(found.okhttpVersion()))) {
      problems.add("OkHttp " + found.okhttpVersion() + where(found.okhttpJars()) + " is on the classpath, but this "
          + "SDK needs OkHttp " + okhttpMajor + ".x (it is built against " + needed.okhttp() + "). Fix: let "
          + "com.squareup.okhttp3:okhttp-jvm " + needed.okhttp() + " win, for example by importing "
          + "com.squareup.okhttp3:okhttp-bom:" + needed.okhttp() + " in <dependencyManagement> (Gradle: "
          + "implementation(platform(\"com.squareup.okhttp3:okhttp-bom:" + needed.okhttp() + "\")))");
    }
    boolean okioTooOld = !found.okioHasSocket();
    for (Jar jar : found.okioJars()) {
      okioTooOld |= isKnown(jar.version()) && compare(jar.version(), needed.okio()) < 0;
    }
    if (okioTooOld) {
      String versions = found.okioJars().isEmpty() ? "okio (no jar found)" : "okio " + join(found.okioJars());
      problems.add(versions + " is older than " + needed.okio() + ", which OkHttp " + needed.okhttp()
          + " needs. Fix: import com.squareup.okio:okio-bom:" + needed.okio() + " in <dependencyManagement> "
          + "(Gradle: implementation(platform(\"com.squareup.okio:okio-bom:" + needed.okio() + "\")))");
    }
    String kotlin = found.kotlinVersion();
    if (kotlin == null || compare(kotlin, needed.kotlinMinimum()) < 0) {
      problems.add("kotlin-stdlib " + (kotlin == null ? "(not found)" : kotlin) + " is older than "
          + needed.kotlinMinimum() + ", which OkHttp " + needed.okhttp() + " needs. Fix: declare "
          + "org.jetbrains.kotlin:kotlin-stdlib " + needed.kotlinMinimum() + " or newer (Spring Boot: set the "
          + "property kotlin.version)");
    }
    if (problems.isEmpty()) {
      return null;
    }
    StringBuilder message = new StringBuilder("blip-sdk-java cannot run on this classpath; its first HTTP call "
        + "would fail with a NoSuchMethodError or a misleading cancellation:");
    for (String problem : problems) {
      message.append("\n  - ").append(problem).append('.');
    }
    return new IncompatibleClasspathException(message.toString(), problems);
  }

  /** Reads the classpath of {@code loader}: where OkHttp and okio come from, and which versions load. */
  static Findings read(@Nullable ClassLoader loader) {
    ClassLoader cl = loader != null ? loader : ClassLoader.getSystemClassLoader();
    List<Jar> okhttp = jarsHolding(cl, "okhttp3/OkHttpClient.class", "com.squareup.okhttp3", "okhttp");
    List<Jar> okio = jarsHolding(cl, "okio/Okio.class", "com.squareup.okio", "okio");
    String okhttpVersion = staticString(cl, "okhttp3.OkHttp", "VERSION");
    boolean socket;
    try {
      Class.forName("okio.Okio", false, cl).getMethod("socket", java.net.Socket.class);
      socket = true;
    } catch (ReflectiveOperationException | LinkageError e) {
      socket = false;
    }
    String kotlin = staticString(cl, "kotlin.KotlinVersion", "CURRENT");
    return new Findings(okhttp, okhttpVersion, okio, socket, kotlin);
  }

  private static @Nullable String staticString(ClassLoader cl, String className, String field) {
    try {
      Object value = Class.forName(className, false, cl).getField(field).get(null);
      return value == null ? null : value.toString();
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  private static List<Jar> jarsHolding(ClassLoader cl, String resource, String bundle, String namePrefix) {
    List<Jar> jars = new ArrayList<>();
    try {
      Enumeration<URL> urls = cl.getResources(resource);
      for (URL url : Collections.list(urls)) {
        jars.add(jarOf(url, resource, bundle, namePrefix));
      }
    } catch (IOException e) {
      // nothing readable: the version checks below still run on what loaded
    }
    return jars;
  }

  /**
   * The jar (file name and version) behind {@code url}; handles plain, nested (Spring Boot) and exploded forms.
   * The version is read only from what belongs to the library itself: a manifest whose {@code Bundle-SymbolicName}
   * is {@code bundle}, or a file name that starts with {@code namePrefix}. In a shaded (uber) jar the manifest and
   * the name are the application's, so the version stays {@code unknown} and the feature checks decide.
   */
  static Jar jarOf(URL url, String resource, String bundle, String namePrefix) {
    String text = url.toString();
    String location = text.endsWith(resource) ? text.substring(0, text.length() - resource.length()) : text;
    while (location.endsWith("/") || location.endsWith("!")) {
      location = location.substring(0, location.length() - 1);
    }
    String name = location.substring(location.lastIndexOf('/') + 1);
    String version = null;
    try {
      URLConnection connection = url.openConnection();
      if (connection instanceof JarURLConnection jar) {
        jar.setUseCaches(false);
        Manifest manifest = jar.getManifest();
        if (manifest != null) {
          Attributes main = manifest.getMainAttributes();
          String symbolicName = main.getValue("Bundle-SymbolicName");
          if (symbolicName != null && symbolicName.split(";", 2)[0].trim().equals(bundle)) {
            version = main.getValue("Bundle-Version");
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall back to the file name below
    }
    if (version == null && name.startsWith(namePrefix + "-")) {
      version = versionInName(name);
    }
    return new Jar(name, version == null ? "unknown" : version);
  }

  private static String versionInName(String name) {
    String base = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    int dash = base.lastIndexOf('-');
    while (dash > 0) {
      if (dash + 1 < base.length() && Character.isDigit(base.charAt(dash + 1))) {
        return base.substring(dash + 1);
      }
      dash = base.lastIndexOf('-', dash - 1);
    }
    return "unknown";
  }

  private static boolean isKnown(String version) {
    return !version.isEmpty() && Character.isDigit(version.charAt(0));
  }

  private static String major(String version) {
    int dot = version.indexOf('.');
    return dot < 0 ? version : version.substring(0, dot);
  }

  private static String where(List<Jar> jars) {
    return jars.isEmpty() ? "" : " (" + jars.get(0).name() + ")";
  }

  private static String join(List<Jar> jars) {
    StringBuilder out = new StringBuilder();
    for (Jar jar : jars) {
      out.append(out.length() == 0 ? "" : " and ").append(jar);
    }
    return out.toString();
  }

  /** Compares dotted versions by their leading numbers ({@code 2.1.21-release-317} reads as 2.1.21). */
  static int compare(String a, String b) {
    int[] x = numbers(a);
    int[] y = numbers(b);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? x[i] : 0;
      int q = i < y.length ? y[i] : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  private static int[] numbers(String version) {
    List<Integer> parts = new ArrayList<>();
    int i = 0;
    while (i < version.length() && parts.size() < 4) {
      int start = i;
      while (i < version.length() && Character.isDigit(version.charAt(i))) {
        i++;
      }
      if (i == start || i - start > 9) {
        break;
      }
      parts.add(Integer.parseInt(version.substring(start, i)));
      if (i < version.length() && version.charAt(i) == '.') {
        i++;
      } else {
        break;
      }
    }
    int[] out = new int[parts.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = parts.get(k);
    }
    return out;
  }
}
