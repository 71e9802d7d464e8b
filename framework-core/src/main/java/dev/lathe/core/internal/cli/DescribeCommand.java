package dev.lathe.core.internal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.core.Lathe;
import dev.lathe.core.PluginDescription;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lathe describe ID}: a plugin's descriptor and its parameters. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Show a plugin: what it is and every parameter it takes.")
final class DescribeCommand implements Callable<Integer> {

  @ParentCommand LatheCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The plugin id.")
  String id;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Lathe lathe = root.open()) {
      PluginDescription p = lathe.describe(id);
      if (format == Format.JSON) {
        ObjectNode n = Json.object();
        n.put("id", p.id()).put("version", p.version().toString()).put("title", p.title())
            .put("paper", p.paper().orElse(null)).put("paper_title", p.paperTitle().orElse(null))
            .put("requires", p.requires().toString())
            .put("origin", p.external() ? "external" : "built-in").put("location", p.location());
        ObjectNode points = n.putObject("extension_points");
        for (Map.Entry<ExtensionPoint, List<ParameterSpec>> e : p.parameters().entrySet()) {
          ArrayNode params = points.putArray(e.getKey().label());
          for (ParameterSpec s : e.getValue()) {
            ObjectNode q = params.addObject();
            q.put("name", s.name()).put("type", s.type().name().toLowerCase(java.util.Locale.ROOT))
                .put("default", s.defaultValue()).put("doc", s.doc());
            if (s.min() != null) q.put("min", s.min());
            if (s.max() != null) q.put("max", s.max());
            if (!s.choices().isEmpty()) {
              ArrayNode c = q.putArray("choices");
              s.choices().forEach(c::add);
            }
          }
        }
        out.println(Json.write(n));
        return 0;
      }
      out.println(p.id() + " " + p.version() + " — " + p.title());
      p.paper().ifPresent(a -> out.println("paper:    arXiv:" + a + "  https://arxiv.org/abs/" + a
          + p.paperTitle().map(t -> "  " + t).orElse("")));
      out.println("requires: Lathe API " + p.requires());
      out.println("origin:   " + (p.external() ? "external, " : "built-in, ") + p.location());
      for (Map.Entry<ExtensionPoint, List<ParameterSpec>> e : p.parameters().entrySet()) {
        out.println();
        out.println(e.getKey().label() + (e.getValue().isEmpty() ? ": no parameters" : ":"));
        if (!e.getValue().isEmpty()) {
          TextTable t = new TextTable("  PARAMETER", "TYPE", "DEFAULT", "ALLOWED", "DESCRIPTION");
          for (ParameterSpec s : e.getValue()) {
            t.row("  " + s.name(), s.type().name().toLowerCase(java.util.Locale.ROOT),
                s.required() ? "(required)" : s.defaultValue(), allowed(s), s.doc());
          }
          out.print(t);
        }
      }
    }
    return 0;
  }

  private static String allowed(ParameterSpec s) {
    if (!s.choices().isEmpty()) {
      return String.join("|", s.choices());
    }
    if (s.min() == null && s.max() == null) {
      return "-";
    }
    return "[" + (s.min() == null ? "" : number(s.min())) + ", "
        + (s.max() == null ? "" : number(s.max())) + "]";
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
