package dev.blipsdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest: every java block marked {@code <!-- snippet:NAME -->} in README.md must equal the
 * region between {@code // [snippet:NAME]} and {@code // [/snippet:NAME]} in an example that compiles and runs
 * in this module's tests, and every such region must appear in the README.
 */
class ReadmeSnippetsTest {
  private static final Pattern README_BLOCK =
      Pattern.compile("<!-- snippet:([a-z0-9-]+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern SOURCE_REGION =
      Pattern.compile("// \\[snippet:([a-z0-9-]+)]\\n(.*?)\\n\\s*// \\[/snippet:\\1]", Pattern.DOTALL);

  private static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("README.md")) ? here : here.getParent();
  }

  static Map<String, String> readmeSnippets() throws IOException {
    String readme = Files.readString(root().resolve("README.md"), StandardCharsets.UTF_8);
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = README_BLOCK.matcher(readme);
    while (m.find()) {
      assertFalse(out.containsKey(m.group(1)), "README names snippet " + m.group(1) + " twice");
      out.put(m.group(1), normalise(m.group(2)));
    }
    return out;
  }

  static Map<String, String> sourceSnippets() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    Path sources = root().resolve("sdk-examples/src/main/java");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path file : files) {
      Matcher m = SOURCE_REGION.matcher(Files.readString(file, StandardCharsets.UTF_8));
      while (m.find()) {
        assertFalse(out.containsKey(m.group(1)), "snippet " + m.group(1) + " is defined twice");
        out.put(m.group(1), normalise(m.group(2)));
      }
    }
    return out;
  }

  /** Drops the common indentation and trailing blanks, so a region nested in a method reads as in the README. */
  static String normalise(String block) {
    List<String> lines = new ArrayList<>(List.of(block.replace("\r", "").split("\n", -1)));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      sb.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  @Test
  void everyReadmeSnippetIsTheCodeOfACompiledExample() throws IOException {
    Map<String, String> readme = readmeSnippets();
    Map<String, String> sources = sourceSnippets();
    assertTrue(readme.size() >= 8, "README has its examples: " + readme.keySet());
    for (Map.Entry<String, String> e : readme.entrySet()) {
      assertTrue(sources.containsKey(e.getKey()), "README snippet " + e.getKey() + " has no example region");
      assertEquals(sources.get(e.getKey()), e.getValue(), "README snippet " + e.getKey() + " differs from the example");
    }
  }

  @Test
  void everyExampleRegionIsInTheReadme() throws IOException {
    Map<String, String> readme = readmeSnippets();
    for (String name : sourceSnippets().keySet()) {
      assertTrue(readme.containsKey(name), "example region " + name + " is missing from README.md");
    }
  }

  @Test
  void normaliseStripsIndentationOnly() {
    assertEquals("a\n  b\n\nc\n", normalise("    a\n      b\n\n    c   \n   \n"));
  }
}
