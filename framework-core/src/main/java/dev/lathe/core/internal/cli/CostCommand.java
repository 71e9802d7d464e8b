package dev.lathe.core.internal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.api.model.cost.CostReport;
import dev.lathe.api.model.cost.MicronetScore;
import dev.lathe.api.model.cost.NodeCost;
import dev.lathe.core.CostResult;
import dev.lathe.core.Lathe;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lathe cost NETWORK}: a network's parameters, MACs and peak activation memory. */
@Command(name = "cost", mixinStandardHelpOptions = true, description = "Count a network's parameters, MACs and peak activation"
    + " memory under a paper's counting convention (docs/cost-accounting.md).")
final class CostCommand implements Callable<Integer> {

  @ParentCommand LatheCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NETWORK", description = "The network's id, e.g. mobilenetv3-large;"
      + " 'lathe plugins' lists them.")
  String network;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "A setting of the network, e.g. --set r=160 (repeatable); 'lathe describe"
          + " NETWORK' lists them.")
  List<String> settings = new ArrayList<>();

  @Option(names = "--convention", defaultValue = CostConventions.DEFAULT, paramLabel = "NAME",
      description = "conv-linear, torchprofile or micronet (default: ${DEFAULT-VALUE}).")
  String convention;

  @Option(names = "--nodes", description = "Also list every node's cost (tables only; JSON"
      + " always has them).")
  boolean nodes;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CostResult result;
    Optional<MicronetScore> score;
    boolean micronet;
    try (Lathe lathe = root.open()) {
      result = lathe.cost(network, settings, convention);
      micronet = result.convention().id().equals(CostConventions.micronet().id());
      score = micronet ? lathe.micronetScore(network, settings) : Optional.empty();
    }
    CostReport report = result.report();
    if (format == Format.JSON) {
      ObjectNode doc = Json.object().put("network", result.id())
          .put("convention", result.convention().id());
      ObjectNode values = doc.putObject("settings");
      new TreeMap<>(result.settings()).forEach(values::put);
      number(doc, "params", score.map(m -> (double) m.parameters()).orElse(report.params()));
      number(doc, "macs", score.map(MicronetScore::ops).orElse(report.macs()));
      if (micronet) {
        double size = score.map(MicronetScore::size).orElse(report.params());
        double ops = score.map(MicronetScore::ops).orElse(report.macs());
        number(doc, "size", size);
        number(doc, "ops", ops);
        doc.put("score", size / MicronetScore.BASELINE_SIZE + ops / MicronetScore.BASELINE_OPS);
        score.ifPresent(m -> scoreTerms(doc, m));
      }
      doc.put("activation_bytes", report.activationBytes());
      doc.put("operations_unit", result.convention().operationsUnit());
      doc.put("summary", result.summary());
      ArrayNode list = doc.putArray("nodes");
      for (NodeCost n : report.nodes()) {
        ObjectNode node = list.addObject().put("name", n.node()).put("layer", n.kind());
        n.shape().dims().forEach(node.putArray("shape")::add);
        number(node, "params", n.params());
        number(node, "macs", n.macs());
        node.put("output_bytes", n.outputBytes());
      }
      out.println(Json.write(doc));
      return 0;
    }
    out.println(result.id() + settingsText(result.settings()) + " under " + result.convention()
        .id() + ": " + result.convention().description());
    TextTable totals = new TextTable("", "TOTAL", "EXACT");
    // a network that scores itself: its node-by-node count is of the network, one sample
    String nodeByNode = score.isPresent() ? " (node by node)" : "";
    totals.row("params" + nodeByNode, CostResult.decimal(report.params(), 3),
        exact(report.params()));
    totals.row(result.convention().operationsUnit() + nodeByNode,
        CostResult.decimal(report.macs(), 2), exact(report.macs()));
    totals.row("peak activations", CostResult.bytes(report.activationBytes()),
        exact(report.activationBytes()) + " bytes");
    if (micronet) {
      double size = score.map(MicronetScore::size).orElse(report.params());
      double ops = score.map(MicronetScore::ops).orElse(report.macs());
      score.ifPresent(m -> {
        totals.row("scored parameters", CostResult.decimal(m.parameters(), 3),
            exact(m.parameters()));
        totals.row("non-zero parameters", CostResult.decimal(m.nonzeroParameters(), 3),
            exact(m.nonzeroParameters()));
        totals.row("parameter size", "", exact(m.parameterSize()));
        totals.row("mask size", "", exact(m.maskSize()));
        totals.row("quantization size", "", exact(m.quantizationSize()));
        totals.row("multiplications (" + m.bits() + "-bit)", "", exact(m.multiplications()));
        totals.row("additions", "", exact(m.additions()));
        totals.row("other fp32 operations", "", exact(m.others()));
      });
      totals.row("size", CostResult.decimal(size, 3), exact(size));
      totals.row("ops", CostResult.decimal(ops, 2), exact(ops));
      totals.row("score", "", String.format(java.util.Locale.ROOT, "%.7f",
          size / MicronetScore.BASELINE_SIZE + ops / MicronetScore.BASELINE_OPS));
    }
    out.print(totals);
    if (nodes && score.isPresent()) {
      out.println();
      TextTable table = new TextTable("TERM", "MULTIPLICATIONS", "ADDITIONS", "OTHERS", "OPS");
      for (MicronetScore.Operations t : score.get().operations()) {
        table.row(t.name(), exact(t.multiplications()), exact(t.additions()),
            exact(t.others()), exact(t.ops(score.get().bits())));
      }
      out.print(table);
      out.println();
      TextTable tensors = new TextTable("TENSOR", "ELEMENTS", "NON-ZERO");
      for (MicronetScore.Tensor t : score.get().tensors()) {
        tensors.row(t.name(), exact(t.total()), exact(t.nonzero()));
      }
      out.print(tensors);
    }
    if (nodes) {
      out.println();
      TextTable table = new TextTable("NODE", "LAYER", "OUTPUT", "PARAMS",
          result.convention().operationsUnit().toUpperCase(java.util.Locale.ROOT), "BYTES");
      for (NodeCost n : report.nodes()) {
        table.row(n.node(), n.kind(), n.shape(), exact(n.params()), exact(n.macs()),
            n.outputBytes());
      }
      out.print(table);
    }
    out.println(score.map(m -> CostResult.decimal(m.ops(), 2) + " ops per token, size "
        + CostResult.decimal(m.size(), 3) + ", score " + String.format(java.util.Locale.ROOT,
        "%.7f", m.score())).orElse(result.summary()));
    return 0;
  }

  /** Every term of a MicroNet score: sizes, operation kinds, tensors and operation terms. */
  private static void scoreTerms(ObjectNode doc, MicronetScore score) {
    doc.put("bits", score.bits());
    doc.put("nonzero_params", score.nonzeroParameters());
    number(doc, "param_size", score.parameterSize());
    number(doc, "mask_size", score.maskSize());
    number(doc, "quantization_size", score.quantizationSize());
    doc.put("quantizers", score.quantizers());
    number(doc, "multiplications", score.multiplications());
    number(doc, "additions", score.additions());
    number(doc, "others", score.others());
    ArrayNode tensors = doc.putArray("tensors");
    for (MicronetScore.Tensor t : score.tensors()) {
      tensors.addObject().put("name", t.name()).put("total", t.total())
          .put("nonzero", t.nonzero());
    }
    ArrayNode terms = doc.putArray("terms");
    for (MicronetScore.Operations t : score.operations()) {
      ObjectNode term = terms.addObject().put("name", t.name());
      number(term, "multiplications", t.multiplications());
      number(term, "additions", t.additions());
      number(term, "others", t.others());
      number(term, "ops", t.ops(score.bits()));
    }
  }

  private static String settingsText(Map<String, String> settings) {
    if (settings.isEmpty()) {
      return "";
    }
    return new TreeMap<>(settings).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", " (", ")"));
  }

  /** A whole count with thousands separators, a fractional one with up to four decimals. */
  private static String exact(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(java.util.Locale.ROOT, "%,d", (long) value);
    }
    return String.format(java.util.Locale.ROOT, "%,.4f", value);
  }

  /** A whole count as a JSON integer, a fractional one as a JSON number. */
  private static void number(ObjectNode node, String key, double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      node.put(key, (long) value);
    } else {
      node.put(key, value);
    }
  }
}
