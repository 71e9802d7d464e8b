package dev.lathe.plugin.gcnrl.providers;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.Settings;
import dev.lathe.plugin.gcnrl.circuit.CircuitEvaluator;
import dev.lathe.plugin.gcnrl.circuit.CircuitSpace;
import dev.lathe.plugin.gcnrl.circuit.FigureOfMerit;
import dev.lathe.plugin.gcnrl.spice.SharedLibrarySimulator;
import dev.lathe.plugin.gcnrl.spice.Simulator;
import dev.lathe.plugin.gcnrl.spice.SimulatorPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The provider of {@code gcnrl-spice}: simulates a sizing of the named circuit and node with
 * ngspice and returns its metrics and figure of merit, whose terms and specs the experiment
 * file may replace.
 */
public final class CircuitEvaluatorProvider implements EvaluatorProvider {

  private static final PluginInfo INFO = GcnrlPlugin.info(CircuitEvaluator.ID,
      "SPICE simulation of a circuit sizing with ngspice, figure of merit (GCN-RL)");

  private static final String CIRCUIT_DEFAULT = "circuit";

  @Override
  public PluginInfo info() {
    return INFO;
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> p = new ArrayList<>(CircuitSettings.PARAMETERS);
    p.add(ParameterSpec.string("mode", "in_process",
        "in_process (libngspice through JNA, falls back to processes) or process")
        .choices("in_process", "process"));
    p.add(ParameterSpec.integer("parallelism", 2, "simulations that may run at once")
        .range(1, 64));
    p.add(ParameterSpec.string("ngspice", "ngspice", "the ngspice command of the process mode"));
    p.add(ParameterSpec.string("library", SharedLibrarySimulator.DEBIAN_LIBRARY.toString(),
        "libngspice for the in-process mode"));
    p.add(ParameterSpec.real("timeout_s", 30, "time limit of one simulation in the process mode")
        .atLeast(0.1));
    p.add(ParameterSpec.string("fom", CIRCUIT_DEFAULT, "figure-of-merit terms"
        + " metric:weight:min:max:bound separated by ';', or 'circuit' for the circuit's own"));
    p.add(ParameterSpec.string("specs", CIRCUIT_DEFAULT,
        "specs like 'pm_deg >= 45' separated by ';', or 'circuit' for the circuit's own"));
    return p;
  }

  @Override
  public Evaluator create(PluginContext context) {
    Settings s = context.settings();
    CircuitSpace space = CircuitSettings.space(s);
    FigureOfMerit circuitFom = space.circuit().figureOfMerit();
    FigureOfMerit fom = FigureOfMerit.parse(
        list(s.getString("fom"), circuitFom.termTexts()),
        list(s.getString("specs"), circuitFom.specTexts()));
    Simulator simulator = SimulatorPool.open(
        s.getString("mode").equals("process") ? Simulator.Mode.PROCESS : Simulator.Mode.IN_PROCESS,
        s.getInt("parallelism"), s.getString("ngspice"), Path.of(s.getString("library")),
        Duration.ofMillis(Math.round(s.getDouble("timeout_s") * 1000)), context.logger());
    context.logger().info("{} simulates {} on {} {}", CircuitEvaluator.ID, space.circuit().id(),
        space.node().id(), simulator.mode().name().toLowerCase(Locale.ROOT));
    return new CircuitEvaluator(space, fom, simulator);
  }

  private static List<String> list(String text, List<String> circuitDefault) {
    return text.equals(CIRCUIT_DEFAULT) ? circuitDefault
        : Arrays.stream(text.split(";")).map(String::strip).filter(t -> !t.isEmpty()).toList();
  }
}
