package dev.lathe.core.internal.config;

import dev.lathe.api.optimize.Constraint;
import dev.lathe.api.optimize.Objective;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A validated experiment: every plugin resolved in the catalog with its settings checked, the
 * objectives, constraints, budget and execution settings.
 *
 * @param name the experiment's name ({@code experiment.name}; default: the file's base name)
 * @param seed the experiment seed ({@code experiment.seed}; default 0)
 * @param source the experiment file, or {@code null} when built in Java
 * @param space the search space ({@code space})
 * @param compressors the compressor chain applied to the space's workload, in order
 *     ({@code compressors})
 * @param evaluators the evaluator chain, in order ({@code evaluators})
 * @param accelerators cost models applied to the space's workloads ({@code accelerators})
 * @param optimizer the optimizer ({@code optimizer})
 * @param executor the trial executor ({@code executor}; default {@code local})
 * @param store the result store ({@code store}; default {@code local})
 * @param objectives at least one objective ({@code objectives})
 * @param constraints metric bounds ({@code constraints})
 * @param budget when to stop ({@code budget})
 * @param execution batch size, timeout and retries ({@code execution})
 */
public record ExperimentConfig(
    String name,
    long seed,
    Path source,
    Component space,
    List<Component> compressors,
    List<Component> evaluators,
    List<Component> accelerators,
    Component optimizer,
    Component executor,
    Component store,
    List<Objective> objectives,
    List<Constraint> constraints,
    Budget budget,
    Execution execution) {

  /** Checks and copies the parts. */
  public ExperimentConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(space, "space");
    compressors = List.copyOf(compressors);
    evaluators = List.copyOf(evaluators);
    accelerators = List.copyOf(accelerators);
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(store, "store");
    objectives = List.copyOf(objectives);
    constraints = List.copyOf(constraints);
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(execution, "execution");
  }

  /**
   * Every component, in the order space, compressors, evaluators, accelerators, optimizer,
   * executor, store.
   */
  public List<Component> components() {
    var all = new java.util.ArrayList<Component>();
    all.add(space);
    all.addAll(compressors);
    all.addAll(evaluators);
    all.addAll(accelerators);
    all.add(optimizer);
    all.add(executor);
    all.add(store);
    return all;
  }
}
