package dev.lathe.api.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metric;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompressorChainTest {

  private record Net(String architecture, long parameterCount, int bits) implements Model {
    @Override
    public long sizeBits() {
      return parameterCount * bits;
    }
  }

  /** Keeps every other parameter; works on anything. */
  private static final class Prune implements Compressor {
    final List<String> seen = new ArrayList<>();

    @Override
    public String id() {
      return "magnitude-prune";
    }

    @Override
    public Compression compress(Model model) {
      seen.add(model.architecture());
      Net net = (Net) model;
      return new Compression(new Net("pruned-" + net.architecture(), net.parameterCount() / 2,
          net.bits()), Metrics.builder()
          .add("sparsity", 0.5, "", Origin.ANALYTIC)
          .add("params_after", net.parameterCount() / 2.0, "", Origin.ANALYTIC).build());
    }
  }

  /** Stores 8 bits per parameter; only works on pruned models. */
  private static final class Quantize implements Compressor {
    int calls;

    @Override
    public String id() {
      return "int8";
    }

    @Override
    public boolean accepts(Model model) {
      return model.architecture().startsWith("pruned-");
    }

    @Override
    public Compression compress(Model model) {
      calls++;
      return new Compression(new Net(model.architecture(), model.parameterCount(), 8),
          Metrics.builder().add("bits", 8, "bits", Origin.ANALYTIC).build());
    }
  }

  @Test
  void stepsRunInOrderAndTheirMetricsArePrefixedWithTheirIds() throws Exception {
    Prune prune = new Prune();
    Quantize quantize = new Quantize();
    Compression c = Compressor.chain(List.of(prune, quantize), new Net("mlp", 1000, 32));
    assertEquals(new Net("pruned-mlp", 500, 8), c.model());
    assertEquals(4000, c.model().sizeBits());
    assertEquals(List.of(
        new Metric("magnitude_prune_sparsity", 0.5, "", Origin.ANALYTIC),
        new Metric("magnitude_prune_params_after", 500, "", Origin.ANALYTIC),
        new Metric("int8_bits", 8, "bits", Origin.ANALYTIC)), List.copyOf(c.report().all()));
    assertEquals(List.of("mlp"), prune.seen);
  }

  @Test
  void eachStepWorksOnThePreviousOutput() throws Exception {
    Prune prune = new Prune();
    Compression c = Compressor.chain(List.of(prune, prune), new Net("cnn", 1000, 32));
    assertEquals(List.of("cnn", "pruned-cnn"), prune.seen);
    assertEquals(250, c.model().parameterCount());
    assertEquals(250.0, c.report().value("magnitude_prune_params_after"),
        "a later step's metric of the same name replaces the earlier one");
  }

  @Test
  void aStepThatDoesNotAcceptTheModelIsRefusedNamingItAndTheArchitecture() {
    Quantize quantize = new Quantize();
    Prune prune = new Prune();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Compressor.chain(List.of(quantize, prune), new Net("mlp", 10, 32)));
    assertEquals("compressor 'int8' cannot work on a model of architecture 'mlp'", e.getMessage());
    assertEquals(0, quantize.calls);
    assertTrue(prune.seen.isEmpty(), "no later step ran");
  }

  @Test
  void anEmptyChainReturnsTheModelAndNoReport() throws Exception {
    Net net = new Net("mlp", 10, 32);
    Compression c = Compressor.chain(List.of(), net);
    assertSame(net, c.model());
    assertEquals(Metrics.empty(), c.report());
  }

  @Test
  void aFailingStepPropagatesItsException() {
    Compressor broken = new Compressor() {
      @Override
      public String id() {
        return "broken";
      }

      @Override
      public Compression compress(Model model) throws Exception {
        throw new java.io.IOException("weights unreadable");
      }
    };
    assertEquals("weights unreadable", assertThrows(java.io.IOException.class,
        () -> Compressor.chain(List.of(new Prune(), broken), new Net("mlp", 10, 32))).getMessage());
  }

  @Test
  void defaultSizeIsThirtyTwoBitsPerParameterAndKindIsModel() {
    Model m = new Model() {
      @Override
      public String architecture() {
        return "x";
      }

      @Override
      public long parameterCount() {
        return 3;
      }
    };
    assertEquals(96, m.sizeBits());
    assertEquals("model", m.kind());
  }
}
