package dev.lathe.core;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.core.internal.config.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Composes an experiment in Java, with the same keys and the same validation as an experiment
 * file. Without {@link #output} the experiment is kept in memory (store {@code memory}); with
 * it, it writes and resumes a results folder exactly like {@code lathe run}.
 *
 * <pre>{@code
 * ExperimentResult r = Lathe.experiment()
 *     .space("branin").evaluator("branin").optimizer("random")
 *     .minimize("value").trials(50).seed(1)
 *     .run();
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class ExperimentBuilder {

  private final Lathe lathe;
  private final Map<String, Object> tree = new LinkedHashMap<>();
  private final Map<String, Object> experiment = new LinkedHashMap<>();
  private final Map<String, Object> budget = new LinkedHashMap<>();
  private final Map<String, Object> execution = new LinkedHashMap<>();
  private final List<Object> compressors = new ArrayList<>();
  private final List<Object> evaluators = new ArrayList<>();
  private final List<Object> accelerators = new ArrayList<>();
  private final List<Object> objectives = new ArrayList<>();
  private final List<Object> constraints = new ArrayList<>();
  private final List<String> overrides = new ArrayList<>();
  private Path output;
  private ExperimentListener listener = new ExperimentListener() {};

  ExperimentBuilder(Lathe lathe) {
    this.lathe = lathe;
  }

  /** The experiment's name (default {@code experiment}). */
  public ExperimentBuilder name(String name) {
    experiment.put("name", name);
    return this;
  }

  /** The experiment seed (default 0). */
  public ExperimentBuilder seed(long seed) {
    experiment.put("seed", seed);
    return this;
  }

  /** The search space plugin, with its settings. */
  public ExperimentBuilder space(String plugin, Map<String, ?> settings) {
    tree.put("space", component(plugin, settings));
    return this;
  }

  /** The search space plugin with default settings. */
  public ExperimentBuilder space(String plugin) {
    return space(plugin, Map.of());
  }

  /**
   * Appends a compressor to the chain that transforms the space's model for each candidate
   * before the evaluators see it, with its settings.
   */
  public ExperimentBuilder compressor(String plugin, Map<String, ?> settings) {
    compressors.add(component(plugin, settings));
    return this;
  }

  /** Appends an evaluator to the chain, with its settings. */
  public ExperimentBuilder evaluator(String plugin, Map<String, ?> settings) {
    evaluators.add(component(plugin, settings));
    return this;
  }

  /** Appends an evaluator with default settings. */
  public ExperimentBuilder evaluator(String plugin) {
    return evaluator(plugin, Map.of());
  }

  /** Adds an accelerator that costs the space's workloads, with its settings. */
  public ExperimentBuilder accelerator(String plugin, Map<String, ?> settings) {
    accelerators.add(component(plugin, settings));
    return this;
  }

  /** The optimizer plugin, with its settings. */
  public ExperimentBuilder optimizer(String plugin, Map<String, ?> settings) {
    tree.put("optimizer", component(plugin, settings));
    return this;
  }

  /** The optimizer plugin with default settings. */
  public ExperimentBuilder optimizer(String plugin) {
    return optimizer(plugin, Map.of());
  }

  /** The executor plugin (default {@code local}), with its settings. */
  public ExperimentBuilder executor(String plugin, Map<String, ?> settings) {
    tree.put("executor", component(plugin, settings));
    return this;
  }

  /** The result store plugin (default {@code local} with an output folder, else {@code memory}). */
  public ExperimentBuilder store(String plugin, Map<String, ?> settings) {
    tree.put("store", component(plugin, settings));
    return this;
  }

  /** Adds an objective: minimise {@code metric}. */
  public ExperimentBuilder minimize(String metric) {
    objectives.add(Map.of("minimize", metric));
    return this;
  }

  /** Adds an objective: maximise {@code metric}. */
  public ExperimentBuilder maximize(String metric) {
    objectives.add(Map.of("maximize", metric));
    return this;
  }

  /** Adds a constraint such as {@code latency_ms <= 25}. */
  public ExperimentBuilder constraint(String constraint) {
    constraints.add(constraint);
    return this;
  }

  /** Stops after {@code trials} trials. */
  public ExperimentBuilder trials(long trials) {
    budget.put("trials", trials);
    return this;
  }

  /** Stops after {@code time} of wall time. */
  public ExperimentBuilder time(Duration time) {
    budget.put("time", Durations.format(time));
    return this;
  }

  /** Stops once the first objective reaches {@code target}. */
  public ExperimentBuilder target(double target) {
    budget.put("target", target);
    return this;
  }

  /** Asks for and runs {@code batch} candidates at a time. */
  public ExperimentBuilder batch(int batch) {
    execution.put("batch", batch);
    return this;
  }

  /** Fails an attempt that runs longer than {@code timeout}. */
  public ExperimentBuilder timeout(Duration timeout) {
    execution.put("timeout", Durations.format(timeout));
    return this;
  }

  /** Retries a failed trial up to {@code retries} times. */
  public ExperimentBuilder retries(int retries) {
    execution.put("retries", retries);
    return this;
  }

  /** Sets any key as {@code --set key=value} would. */
  public ExperimentBuilder set(String key, Object value) {
    overrides.add(key + "=" + value);
    return this;
  }

  /** Writes (and resumes) a results folder there. */
  public ExperimentBuilder output(Path folder) {
    this.output = folder;
    return this;
  }

  /** Follows progress. */
  public ExperimentBuilder listener(ExperimentListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Validates and runs the experiment.
   *
   * @throws LatheException with the same one-line messages as the command line
   */
  public ExperimentResult run() {
    Map<String, Object> t = new LinkedHashMap<>(tree);
    if (!experiment.isEmpty()) t.put("experiment", experiment);
    if (!evaluators.isEmpty()) t.put("evaluators", evaluators);
    if (!compressors.isEmpty()) t.put("compressors", compressors);
    if (!accelerators.isEmpty()) t.put("accelerators", accelerators);
    if (!objectives.isEmpty()) t.put("objectives", objectives);
    if (!constraints.isEmpty()) t.put("constraints", constraints);
    if (!budget.isEmpty()) t.put("budget", budget);
    if (!execution.isEmpty()) t.put("execution", execution);
    if (output == null && !t.containsKey("store")) {
      t.put("store", Map.of("plugin", "memory"));
    }
    if (lathe != null) {
      return lathe.run(t, overrides, output, listener);
    }
    try (Lathe own = Lathe.open()) {
      return own.run(t, overrides, output, listener);
    }
  }

  private static Map<String, Object> component(String plugin, Map<String, ?> settings) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("plugin", plugin);
    c.putAll(settings);
    return c;
  }
}
