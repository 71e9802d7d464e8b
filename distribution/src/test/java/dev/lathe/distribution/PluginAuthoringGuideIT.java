package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java, XML and YAML snippet of {@code docs/plugin-authoring.md} is cut from the example
 * plugin that the build compiles and tests: its lines, trimmed, appear in this order and without
 * a gap in one of the example's files.
 */
class PluginAuthoringGuideIT {

  private static final Pattern BLOCK =
      Pattern.compile("```(java|xml|yaml)\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everySnippetIsInTheExamplePlugin() throws IOException {
    String guide = Files.readString(Cli.ROOT.resolve("docs/plugin-authoring.md"));
    List<List<String>> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Cli.ROOT.resolve("examples/third-party-plugin"))) {
      for (Path file : files.filter(f -> !f.toString().contains("/target/"))
          .filter(f -> f.toString().matches(".*\\.(java|xml|yaml)")).toList()) {
        sources.add(lines(Files.readString(file)));
      }
    }
    Matcher m = BLOCK.matcher(guide);
    int checked = 0;
    while (m.find()) {
      List<String> snippet = lines(m.group(2));
      assertTrue(sources.stream().anyMatch(s -> Collections.indexOfSubList(s, snippet) >= 0),
          "this snippet of docs/plugin-authoring.md is not in examples/third-party-plugin:\n"
              + m.group(2));
      checked++;
    }
    assertEquals(8, checked, "snippets checked");
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
  }
}
