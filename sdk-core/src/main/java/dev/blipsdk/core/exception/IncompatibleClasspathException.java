package dev.blipsdk.core.exception;

import java.util.List;

/**
 * The application's classpath holds versions of OkHttp, okio or kotlin-stdlib that this SDK cannot run on, so a
 * client was refused at {@code build()} instead of failing with a {@link NoSuchMethodError} on its first call.
 *
 * <p>The message names each jar found, what the SDK needs, and the one-line fix for Maven and Gradle. The check
 * runs once per JVM; every later {@code build()} on the same classpath throws an equal exception. Nothing was
 * sent. Not retryable: the build of the application has to change.
 */
public final class IncompatibleClasspathException extends BlipException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  /**
   * Creates the exception.
   *
   * @param message the full explanation with the fix
   * @param problems each problem found, one sentence each
   */
  public IncompatibleClasspathException(String message, List<String> problems) {
    super(message, null, false, 0, null);
    this.problems = List.copyOf(problems);
  }

  /**
   * Each problem found, one sentence each (for example {@code "okio 3.7.0 (okio-jvm-3.7.0.jar) is older than
   * 3.17.0, which OkHttp 5.4.0 needs"}).
   *
   * @return the problems, never empty
   */
  public List<String> problems() {
    return problems;
  }
}
