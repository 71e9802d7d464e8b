package dev.lathe.core.internal.cli;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.reproduce.Claim;
import dev.lathe.core.Lathe;
import dev.lathe.core.PluginDescription;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code lathe plugin catalog}: the Markdown catalog of the built-in plugins, from their own
 * descriptors and reproductions; {@code docs/plugins.md} is its output.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = "Print the Markdown catalog of the built-in plugins (docs/plugins.md): id, "
        + "paper, extension points, and the claims 'lathe reproduce' checks.")
final class PluginCatalogCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Lathe lathe = Lathe.open(null)) {
      List<PluginDescription> builtIn = lathe.plugins().stream().filter(p -> !p.external())
          .toList();
      out.println("# Built-in plugins");
      out.println();
      out.println("Generated from the plugins' own descriptors by `./lathe plugin catalog > "
          + "docs/plugins.md`;");
      out.println("the distribution's `PluginCatalogIT` fails when this file differs from what "
          + "the code says. Do not edit it by hand.");
      out.println();
      out.println("| id | version | extension points | paper | title | module |");
      out.println("|---|---|---|---|---|---|");
      for (PluginDescription p : builtIn) {
        out.println("| `" + p.id() + "` | " + p.version() + " | "
            + p.points().stream().map(ExtensionPoint::label).collect(Collectors.joining(", "))
            + " | " + p.paper().map(a -> "[arXiv:" + a + "](https://arxiv.org/abs/" + a + ")"
                + p.paperTitle().map(t -> " " + cell(t)).orElse("")).orElse("-")
            + " | " + cell(p.title()) + " | " + module(p.location()) + " |");
      }
      List<PluginDescription> reproductions = builtIn.stream()
          .filter(p -> p.points().contains(ExtensionPoint.REPRODUCTION)).toList();
      out.println();
      out.println("## Claims that `lathe reproduce` checks");
      for (PluginDescription p : reproductions) {
        out.println();
        out.println("### `" + p.id() + "`: " + cell(p.title())
            + p.paper().map(a -> " ([arXiv:" + a + "](https://arxiv.org/abs/" + a + ")"
                + p.paperTitle().map(t -> " " + cell(t)).orElse("") + ")").orElse(""));
        out.println();
        out.println("`lathe reproduce " + p.id() + "` checks:");
        out.println();
        out.println("| claim | statement | paper's figure | where in the paper |");
        out.println("|---|---|---|---|");
        for (Claim c : lathe.claims(p.id())) {
          out.println("| `" + c.id() + "` | " + cell(c.statement()) + " | "
              + cell(c.paperValue()) + " | " + cell(c.source()) + " |");
        }
      }
    }
    return 0;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
  }

  private static String module(String location) {
    String prefix = "built-in (module ";
    return location.startsWith(prefix) && location.endsWith(")")
        ? "`" + location.substring(prefix.length(), location.length() - 1) + "`" : location;
  }
}
