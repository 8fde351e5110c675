package dev.blipsdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A misconfigured service does not start, and Spring Boot prints which blip.* property to fix and how. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {
  private static final String KEY = "an-access-key-that-must-not-be-printed";

  @Test
  void missingContract(CapturedOutput output) {
    assertThatThrownBy(() -> run("--blip.contract=", "--blip.identifier=bot", "--blip.access-key=" + KEY));
    assertThat(output).contains("APPLICATION FAILED TO START", "property blip.contract",
        "Set blip.contract to your contract id").doesNotContain(KEY);
  }

  @Test
  void malformedDuration(CapturedOutput output) {
    assertThatThrownBy(() -> run("--blip.contract=acme", "--blip.identifier=bot", "--blip.access-key=" + KEY,
        "--blip.deadline=thirty seconds"));
    assertThat(output).contains("property blip.deadline", "500ms, 30s, 2m or 1h").doesNotContain(KEY);
  }

  @Test
  void unknownVerifierScheme(CapturedOutput output) {
    assertThatThrownBy(() -> run("--blip.contract=acme", "--blip.identifier=bot", "--blip.access-key=" + KEY,
        "--blip.webhook.verifier.scheme=hmac-md5"));
    assertThat(output).contains("property blip.webhook.verifier.scheme",
        "one of static-header, bearer, hmac, meta-hub-signature-256, none");
  }

  private static void run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--server.port=0";
    all[1] = "--blip.webhook.verifier.secrets=token";
    System.arraycopy(args, 0, all, 2, args.length);
    SpringApplication.run(QuickstartApplication.class, all).close();
  }
}
