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

/** {@code lathe resume DIR}: continues a stopped or killed experiment. */
@Command(name = "resume", mixinStandardHelpOptions = true, description = "Continue the experiment in a results folder; completed"
    + " trials are reused, never recomputed.")
final class ResumeCommand implements Callable<Integer> {

  @ParentCommand LatheCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The results folder.")
  Path folder;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a key, e.g. --set budget.trials=200 to extend the budget.")
  List<String> overrides = new ArrayList<>();

  @Mixin ExecutorOptions executor;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() {
    try (Lathe lathe = root.open()) {
      return Outcome.print(spec, lathe.resume(folder, executor.overrides(overrides),
          Outcome.progress(spec, quiet)));
    }
  }
}
