package dev.lathe.core.internal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.core.Lathe;
import dev.lathe.core.LatheException;
import dev.lathe.core.ReproductionReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lathe reproduce PAPER}: checks a paper's claims and prints claim, paper, Lathe, verdict. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, description = "Check a paper's central claims at small scale.")
final class ReproduceCommand implements Callable<Integer> {

  @ParentCommand LatheCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PAPER", description = "The reproduction's id, e.g. baselines.")
  String paper;

  @Option(names = "--quick", description = "The quick mode, minutes on two cores (default: full).")
  boolean quick;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Reproduction.Mode mode = quick ? Reproduction.Mode.QUICK : Reproduction.Mode.FULL;
    ReproductionReport report;
    try (Lathe lathe = root.open()) {
      report = lathe.reproduce(paper, mode, (claim, result) -> {
        if (format == Format.TABLE) {
          err.println(claim.id() + ": " + result.verdict().name().toLowerCase(Locale.ROOT));
        }
      });
    }
    if (format == Format.JSON) {
      ObjectNode doc = Json.object().put("paper", report.paper())
          .put("mode", report.mode().name().toLowerCase(Locale.ROOT))
          .put("elapsed_s", report.elapsed().toMillis() / 1e3);
      ArrayNode claims = doc.putArray("claims");
      for (ClaimResult r : report.results()) {
        claims.addObject().put("id", r.claim().id()).put("claim", r.claim().statement())
            .put("source", r.claim().source()).put("paper", r.claim().paperValue())
            .put("lathe", r.measured()).put("origin", r.origin().name().toLowerCase(Locale.ROOT))
            .put("verdict", r.verdict().name().toLowerCase(Locale.ROOT)).put("note", r.note());
      }
      out.println(Json.write(doc));
    } else {
      TextTable t = new TextTable("CLAIM", "PAPER", "LATHE", "HOW", "VERDICT");
      for (ClaimResult r : report.results()) {
        t.row(r.claim().statement(), r.claim().paperValue() + " (" + r.claim().source() + ")",
            r.measured(), r.origin().name().toLowerCase(Locale.ROOT),
            r.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
      out.print(t);
      report.results().stream().filter(r -> !r.note().isEmpty())
          .forEach(r -> out.println("  " + r.claim().id() + ": " + r.note()));
      out.println(String.format(Locale.ROOT, "%s, %s mode, %.1f s", report.paper(),
          report.mode().name().toLowerCase(Locale.ROOT), report.elapsed().toMillis() / 1e3));
    }
    if (!report.allReproduced()) {
      throw new LatheException(LatheException.Kind.NOT_REPRODUCED, "reproduction '" + paper
          + "': " + report.results().stream().filter(
              r -> r.verdict() == ClaimResult.Verdict.NOT_REPRODUCED).count()
          + " claim(s) did not reproduce");
    }
    return 0;
  }
}
