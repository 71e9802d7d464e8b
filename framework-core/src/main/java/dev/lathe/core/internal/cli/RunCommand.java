package dev.lathe.core.internal.cli;

import dev.lathe.core.Lathe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lathe run FILE}: runs an experiment file, or continues it if its folder exists. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run an experiment file; an existing results folder of the"
    + " same experiment is resumed.")
final class RunCommand implements Callable<Integer> {

  @ParentCommand LatheCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The experiment file (.yaml, .yml or .properties).")
  Path file;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Results folder (default: results/<experiment name>).")
  Path out;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a key of the file, e.g. --set budget.trials=50 (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Mixin ExecutorOptions executor;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() {
    try (Lathe lathe = root.open()) {
      return Outcome.print(spec, lathe.run(file, executor.overrides(overrides), out,
          Outcome.progress(spec, quiet)));
    }
  }
}
