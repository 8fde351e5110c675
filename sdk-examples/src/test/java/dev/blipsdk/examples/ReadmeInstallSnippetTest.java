package dev.blipsdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's Install section and the consumer builds honest: the plain-maven consumer project holds the
 * README's Install snippet verbatim, and every consumer project asks for this build's version, so what CI proves
 * in a user's build is what the README tells users to write.
 */
class ReadmeInstallSnippetTest {
  private static final Pattern INSTALL = Pattern.compile("## Install\\n.*?```xml\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern IN_POM = Pattern.compile(
      "<!-- BEGIN README install snippet -->\\n(.*?)<!-- END README install snippet -->", Pattern.DOTALL);

  private static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("README.md")) ? here : here.getParent();
  }

  private static String read(String path) throws IOException {
    return Files.readString(root().resolve(path), StandardCharsets.UTF_8);
  }

  private static String group(Pattern pattern, String text, String what) {
    Matcher m = pattern.matcher(text);
    assertTrue(m.find(), "no " + what);
    return m.group(1);
  }

  private static String projectVersion() throws IOException {
    return group(Pattern.compile("<artifactId>blip-sdk-parent</artifactId>\\s*<version>([^<]+)</version>"),
        read("pom.xml"), "version in the parent pom");
  }

  @Test
  void thePlainMavenConsumerHoldsTheReadmesInstallSnippetVerbatim() throws IOException {
    String readme = group(INSTALL, read("README.md"), "```xml block under ## Install in README.md");
    String pom = group(IN_POM, read("consumer-tests/plain-maven/pom.xml"), "install snippet markers in the pom");
    assertEquals(readme, pom, "README.md's Install snippet and consumer-tests/plain-maven/pom.xml drifted apart: "
        + "copy the README block between the markers");
  }

  @Test
  void theReadmeAndEveryConsumerAskForThisBuildsVersion() throws IOException {
    String version = projectVersion();
    String readme = group(INSTALL, read("README.md"), "```xml block under ## Install in README.md");
    assertTrue(readme.contains("<version>" + version + "</version>"),
        "the README's Install snippet must name " + version);
    List<Path> poms;
    try (Stream<Path> walk = Files.walk(root().resolve("consumer-tests"), 2)) {
      poms = walk.filter(p -> p.getFileName().toString().equals("pom.xml")).sorted().toList();
    }
    assertTrue(poms.size() >= 5, "consumer projects found: " + poms);
    for (Path pom : poms) {
      String text = Files.readString(pom, StandardCharsets.UTF_8);
      if (!text.contains("BEGIN README install snippet")) {
        assertTrue(text.contains("<blip-sdk.version>" + version + "</blip-sdk.version>"),
            pom + " must build against " + version);
      }
    }
  }
}
