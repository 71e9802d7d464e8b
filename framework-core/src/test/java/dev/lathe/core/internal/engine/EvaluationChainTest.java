package dev.lathe.core.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.api.Workload;
import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.compress.Compression;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.compress.Model;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.SearchSpace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The trial pipeline: space's model → compressor chain → evaluators → accelerators. */
class EvaluationChainTest {

  private static final TrialTask TASK = new TrialTask("00000000000000a1", 0, 1,
      Candidate.of(Map.of("width", 4)), 5, Duration.ZERO);

  /** A model that is only a parameter count. */
  private record Toy(long parameterCount) implements Model {
    @Override
    public String architecture() {
      return "toy";
    }
  }

  /** A space of widths 1–8 whose workload is a model of 100 parameters per unit of width. */
  private static final class WidthSpace implements SearchSpace {
    final AtomicInteger workloads = new AtomicInteger();
    private final boolean model;

    WidthSpace(boolean model) {
      this.model = model;
    }

    @Override
    public String id() {
      return "widths";
    }

    @Override
    public List<Dimension> dimensions() {
      return List.of(IntegerDimension.of("width", 1, 8));
    }

    @Override
    public Optional<Workload> workload(Candidate candidate) {
      workloads.incrementAndGet();
      Workload network = () -> "network";
      return Optional.of(model ? new Toy(100L * candidate.getLong("width")) : network);
    }
  }

  /** Subtracts {@code cut} parameters and reports how many are left. */
  private record Cut(String id, long cut) implements Compressor {
    @Override
    public List<String> produces() {
      return List.of("params_after");
    }

    @Override
    public Compression compress(Model model) {
      long left = model.parameterCount() - cut;
      return new Compression(new Toy(left),
          Metrics.builder().add("params_after", left, "", Origin.ANALYTIC).build());
    }
  }

  /** Reports the parameter count of the model it is given. */
  private static final class Counter implements Evaluator {
    @Override
    public String id() {
      return "counter";
    }

    @Override
    public Set<String> produces() {
      return Set.of("params");
    }

    @Override
    public Metrics evaluate(Candidate candidate, EvaluationContext context) {
      long params = context.workload().map(w -> ((Model) w).parameterCount()).orElse(-1L);
      return Metrics.builder().add("params", params, "", Origin.ANALYTIC).build();
    }
  }

  /** Costs a model at its storage size. */
  private static final class Storage implements Accelerator {
    @Override
    public String id() {
      return "storage";
    }

    @Override
    public Set<String> produces() {
      return Set.of("size_bits");
    }

    @Override
    public boolean supports(Workload workload) {
      return workload instanceof Model;
    }

    @Override
    public Metrics estimate(Workload workload) {
      return Metrics.builder().add("size_bits", ((Model) workload).sizeBits(), "bit",
          Origin.ANALYTIC).build();
    }
  }

  @Test
  void compressesTheSpacesModelInOrderBeforeEvaluatorsAndAcceleratorsSeeIt() throws Exception {
    WidthSpace space = new WidthSpace(true);
    EvaluationChain chain = new EvaluationChain(space,
        List.of(new Cut("halve-ish", 200), new Cut("trim", 10)), List.of(new Counter()),
        List.of(new Storage()));
    Metrics m = chain.run(TASK, () -> false);
    assertEquals(200, m.value("halve_ish_params_after"));
    assertEquals(190, m.value("trim_params_after"));
    assertEquals(190, m.value("params"), "the evaluator sees the compressed model");
    assertEquals(190 * 32, m.value("size_bits"), "the accelerator costs the compressed model");
    assertEquals(1, space.workloads.get(), "the space is asked once");
  }

  @Test
  void withoutCompressorsEvaluatorsSeeTheSpacesWorkload() throws Exception {
    WidthSpace space = new WidthSpace(true);
    Metrics m = new EvaluationChain(space, List.of(), List.of(new Counter()), List.of())
        .run(TASK, () -> false);
    assertEquals(400, m.value("params"));
  }

  @Test
  void theSpaceIsNotAskedWhenNothingNeedsItsWorkload() throws Exception {
    WidthSpace space = new WidthSpace(true);
    Evaluator constant = new Evaluator() {
      @Override
      public String id() {
        return "constant";
      }

      @Override
      public Set<String> produces() {
        return Set.of("one");
      }

      @Override
      public Metrics evaluate(Candidate candidate, EvaluationContext context) {
        return Metrics.builder().add("one", 1, "", Origin.ANALYTIC).build();
      }
    };
    new EvaluationChain(space, List.of(), List.of(constant), List.of()).run(TASK, () -> false);
    assertEquals(0, space.workloads.get());
  }

  @Test
  void aSpaceWithoutAModelGivesCompressorsNothingToCompress() {
    EvaluationChain chain = new EvaluationChain(new WidthSpace(false),
        List.of(new Cut("prune", 1)), List.of(new Counter()), List.of());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> chain.run(TASK, () -> false));
    assertEquals("space 'widths' gives a workload of kind 'network', not a model, for its"
        + " candidates, so compressor 'prune' has nothing to compress", e.getMessage());
  }
}
