package dev.lathe.core.internal.cli;

import dev.lathe.core.Lathe;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lathe report DIR}: writes the tables and plots of a results folder again. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write the CSV, summary and plots of a results folder again.")
final class ReportCommand implements Callable<Integer> {

  @ParentCommand LatheCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The results folder.")
  Path folder;

  @Override
  public Integer call() {
    try (Lathe lathe = root.open()) {
      lathe.report(folder).forEach(p -> spec.commandLine().getOut().println(p));
    }
    return 0;
  }
}
