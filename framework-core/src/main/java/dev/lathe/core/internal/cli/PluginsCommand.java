package dev.lathe.core.internal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.api.ExtensionPoint;
import dev.lathe.core.Lathe;
import dev.lathe.core.PluginDescription;
import dev.lathe.core.PluginRejection;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lathe plugins}: every loaded plugin, and every refused one with its reason. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "List the plugins: built-in and external, and refused ones.")
final class PluginsCommand implements Callable<Integer> {

  @ParentCommand LatheCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Lathe lathe = root.open()) {
      if (format == Format.JSON) {
        ObjectNode doc = Json.object();
        ArrayNode plugins = doc.putArray("plugins");
        for (PluginDescription p : lathe.plugins()) {
          ObjectNode n = plugins.addObject();
          n.put("id", p.id());
          n.put("version", p.version().toString());
          n.put("title", p.title());
          ArrayNode points = n.putArray("extension_points");
          p.points().forEach(point -> points.add(point.label()));
          n.put("paper", p.paper().orElse(null));
          n.put("paper_title", p.paperTitle().orElse(null));
          n.put("requires", p.requires().toString());
          n.put("origin", p.external() ? "external" : "built-in");
          n.put("location", p.location());
        }
        ArrayNode rejected = doc.putArray("rejected");
        for (PluginRejection r : lathe.rejections()) {
          rejected.addObject().put("id", r.plugin()).put("location", r.location())
              .put("reason", r.reason());
        }
        out.println(Json.write(doc));
      } else {
        TextTable table = new TextTable("ID", "VERSION", "EXTENSION POINTS", "PAPER", "ORIGIN",
            "TITLE");
        for (PluginDescription p : lathe.plugins()) {
          table.row(p.id(), p.version(),
              p.points().stream().map(ExtensionPoint::label).collect(Collectors.joining(",")),
              p.paper().map(a -> "arXiv:" + a).orElse("-"),
              p.external() ? "external" : "built-in", p.title());
        }
        out.print(table);
        for (PluginRejection r : lathe.rejections()) {
          out.println("refused: " + r.plugin() + " (" + r.location() + "): " + r.reason());
        }
      }
    }
    return 0;
  }
}
