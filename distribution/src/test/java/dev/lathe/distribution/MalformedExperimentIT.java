package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed experiments: each is refused with exit code 2 and exactly one line on standard
 * error that names the file, the key and what is wrong, without a stack trace, and nothing runs.
 */
class MalformedExperimentIT {

  private static final String VALID = String.join("\n",
      "experiment:",
      "  name: bad",
      "  seed: 1",
      "space: branin",
      "evaluators:",
      "  - plugin: branin",
      "optimizer:",
      "  plugin: random",
      "objectives:",
      "  - minimize: value",
      "budget:",
      "  trials: 5",
      "");

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown plugin       | plugin: random~plugin: randon                | bad.yaml: optimizer.plugin: unknown optimizer 'randon'; did you mean 'random'?
      plugin of another point | plugin: random~plugin: branin             | bad.yaml: optimizer.plugin: 'branin' is a search-space and an evaluator, not an optimizer
      unknown setting      | plugin: random~plugin: random\\n  populaton: 3 | bad.yaml: optimizer.populaton: unknown setting of plugin 'random'; plugin 'random' has no settings
      wrong type           | trials: 5~trials: many                       | bad.yaml: budget.trials: 'many' is not an integer
      out of range         | space: branin~space: {plugin: zdt1, dimensions: 1} | bad.yaml: space.dimensions: 1 is outside the allowed range [2, 1000] (plugin 'zdt1')
      broken YAML          | space: branin~space: [branin                 | bad.yaml: line 5, column 11: expected ',' or ']', but got : (while parsing a flow sequence that starts at line 4)
      unknown top-level key | budget:~budgett:                            | bad.yaml: budgett: unknown top-level key; did you mean 'budget'?
      no objectives        | - minimize: value~                           | bad.yaml: objectives: at least one objective is required, e.g. objectives: [{minimize: loss}]
      bad duration         | trials: 5~time: soon                         | bad.yaml: budget.time: 'soon' is not a duration (e.g. 500ms, 30s, 5m, 2h, 1d or PT1M)
      metric nobody produces | minimize: value~maximize: accuracy         | bad.yaml: objectives: metric 'accuracy' is produced by no compressor, evaluator or accelerator; they produce [value]
      unresolved variable  | seed: 1~seed: ${env:LATHE_NO_SUCH_VARIABLE}  | bad.yaml: experiment.seed: unresolved variable ${env:LATHE_NO_SUCH_VARIABLE}
      """)
  void isRefusedInOneLine(String name, String edit, String expected) throws Exception {
    String[] parts = edit.split("~", -1);
    String text = VALID.replace(parts[0], parts[1].replace("\\n", "\n"));
    Files.writeString(dir.resolve("bad.yaml"), text);
    Cli.Result r = Cli.run(dir, "run", "bad.yaml", "--out", "out");
    assertEquals(2, r.exit(), r.toString());
    assertEquals(List.of("lathe: " + expected), r.errLines(), r.toString());
    assertEquals("", r.out());
    assertFalse(Files.exists(dir.resolve("out")), "nothing ran");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing file          | run missing.yaml                       | missing.yaml: no such file
      unsupported file type | run bad.json                           | bad.json: unsupported file type; expected .yaml, .yml or .properties
      malformed --set       | run bad.yaml --set budget.trials       | bad.yaml: --set 'budget.trials': expected KEY=VALUE
      unknown option        | run bad.yaml --outt x                  | Unknown options: '--outt', 'x'
      resume of a non-results folder | resume .                      | .: not a results folder (no config.yaml)
      """)
  void badCommandLinesAreRefusedToo(String name, String args, String expected) throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), VALID);
    Files.writeString(dir.resolve("bad.json"), "{}");
    Cli.Result r = Cli.run(dir, args.split(" "));
    assertEquals(2, r.exit(), r.toString());
    assertEquals("lathe: " + expected, r.errLines().get(0), r.toString());
    assertFalse(r.err().contains("Exception"), r.toString());
  }
}
