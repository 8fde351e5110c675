package dev.blipsdk.spring.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a {@code blip.*} value Spring could not convert (a malformed duration, an unknown verifier scheme, a
 * number that is not one) with the property, the value and what a good value looks like. Runs before Spring Boot's
 * generic bind analyzer; other properties are left to it. Values of keys, tokens and secrets are not repeated.
 */
public final class BlipBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

  /** Created by Spring Boot. */
  public BlipBindFailureAnalyzer() {}

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
    ConfigurationProperty property = cause.getProperty();
    String name = property != null ? property.getName().toString() : cause.getName().toString();
    if (!name.startsWith("blip.")) {
      return null;
    }
    Class<?> type = cause.getTarget().getType().resolve(Object.class);
    boolean secret = name.endsWith("key") || name.contains("secret");
    String value = property == null || secret ? "" : " '" + property.getValue() + "'";
    String origin = property == null || property.getOrigin() == null ? "" : " (from " + property.getOrigin() + ")";
    String description = "Invalid Blip configuration, property " + name + ": the value" + value + origin
        + " is not a valid " + type.getSimpleName() + ".";
    return new FailureAnalysis(description, "Set " + name + " to " + expected(type) + ".", cause);
  }

  private static String expected(Class<?> type) {
    if (type == Duration.class) {
      return "a duration: a number with a unit, such as 500ms, 30s, 2m or 1h (or ISO-8601, such as PT30S)";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants())
          .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .collect(Collectors.joining(", "));
    }
    if (type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return "a valid " + type.getSimpleName();
  }
}
