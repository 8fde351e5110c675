package dev.blipsdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blipsdk.spring.autoconfigure.BlipAutoConfiguration;
import dev.blipsdk.spring.autoconfigure.BlipFakeAutoConfiguration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * A bad {@code blip.*} configuration stops the startup, and the failure analyzers Spring Boot loads from
 * {@code spring.factories} (the starter's and Boot's own, in Boot's order) explain it naming the property and the fix,
 * without repeating a key.
 */
class FailureAnalysisTest {
  private static final String KEY = "very-s3cret-access-key";
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(BlipFakeAutoConfiguration.class, BlipAutoConfiguration.class));

  static Stream<Arguments> badConfigurations() {
    return Stream.of(
        Arguments.of(List.of("blip.identifier=bot", "blip.access-key=" + KEY), "blip.contract",
            "Set blip.contract to your contract id"),
        Arguments.of(List.of("blip.contract=acme"), "blip.access-key", "Set blip.identifier and blip.access-key"),
        Arguments.of(List.of("blip.contract=acme", "blip.identifier=bot"), "blip.access-key",
            "Set blip.access-key"),
        Arguments.of(List.of("blip.contract=acme", "blip.access-key=" + KEY), "blip.identifier",
            "Set blip.identifier"),
        Arguments.of(List.of("blip.contract=acme", "blip.identifier=bot", "blip.access-key=" + KEY,
            "blip.authorization-key=Key " + KEY), "blip.authorization-key", "Keep one"),
        Arguments.of(List.of("blip.contract=https://acme.http.msging.net", "blip.identifier=bot",
            "blip.access-key=" + KEY), "blip.contract", "letters, digits and '-'"),
        Arguments.of(List.of("blip.contract=acme", "blip.authorization-key=Key %%%" + KEY),
            "blip.authorization-key", "the whole 'Key ...' value"),
        Arguments.of(List.of("blip.contract=acme", "blip.identifier=bot", "blip.access-key=" + KEY,
            "blip.deadline=5 seconds"), "blip.deadline", "500ms, 30s, 2m or 1h"),
        Arguments.of(List.of("blip.contract=acme", "blip.identifier=bot", "blip.access-key=" + KEY,
            "blip.deadline=-5s"), "blip.deadline", "a positive duration"),
        Arguments.of(List.of("blip.contract=acme", "blip.identifier=bot", "blip.access-key=" + KEY,
            "blip.retry.max-delay=100ms", "blip.retry.base-delay=1s"), "blip.retry.max-delay", "at least"),
        Arguments.of(List.of("blip.fake.enabled=true", "blip.webhook.path=/hook",
            "blip.webhook.verifier.scheme=hmac-sha1"), "blip.webhook.verifier.scheme",
            "one of static-header, bearer, hmac, meta-hub-signature-256, none"),
        Arguments.of(List.of("blip.fake.enabled=true", "blip.webhook.path=/hook"), "blip.webhook.verifier.scheme",
            "static-header"),
        Arguments.of(List.of("blip.fake.enabled=true", "blip.webhook.path=/hook",
            "blip.webhook.verifier.scheme=static-header", "blip.webhook.verifier.secrets=" + KEY),
            "blip.webhook.verifier.header-name", "X-Blip-Token"),
        Arguments.of(List.of("blip.fake.enabled=true", "blip.webhook.path=/hook",
            "blip.webhook.verifier.scheme=hmac", "blip.webhook.verifier.header-name=X-Signature"),
            "blip.webhook.verifier.secrets", "current first"),
        Arguments.of(List.of("blip.fake.enabled=true", "blip.status-tracker.max-tracked=many"),
            "blip.status-tracker.max-tracked", "a whole number"));
  }

  @ParameterizedTest
  @MethodSource("badConfigurations")
  void badConfigurationFailsTheStartNamingThePropertyAndTheFix(List<String> properties, String property,
      String fix) {
    runner.withPropertyValues(properties.toArray(String[]::new)).run(context -> {
      assertThat(context).hasFailed();
      FailureAnalysis analysis = analyze(context.getStartupFailure());
      assertThat(analysis).as("no analyzer explained %s", context.getStartupFailure()).isNotNull();
      assertThat(analysis.getDescription()).contains(property).doesNotContain(KEY);
      assertThat(analysis.getAction()).contains(fix).doesNotContain(KEY);
    });
  }

  /** What Spring Boot's FailureAnalyzers does: the first analysis of the analyzers in spring.factories, in order. */
  private static FailureAnalysis analyze(Throwable failure) {
    List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(
        FailureAnalysisTest.class.getClassLoader()).load(FailureAnalyzer.class,
        SpringFactoriesLoader.ArgumentResolver.none(), SpringFactoriesLoader.FailureHandler.logging(
            org.apache.commons.logging.LogFactory.getLog(FailureAnalysisTest.class)));
    AnnotationAwareOrderComparator.sort(analyzers);
    return analyzers.stream().map(a -> a.analyze(failure)).filter(Objects::nonNull).findFirst().orElse(null);
  }
}
