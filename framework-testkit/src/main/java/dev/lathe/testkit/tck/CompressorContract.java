package dev.lathe.testkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.compress.Compression;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.compress.Model;
import dev.lathe.api.metric.Metric;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.spi.CompressorProvider;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Compressor}: it accepts its sample model and returns a model with no
 * more parameters and no more bits, leaves its input unchanged, reports finite metrics of what
 * it changed, reports the same non-measured figures for the same input, and works as a step of
 * {@link Compressor#chain}.
 *
 * <pre>{@code
 * class MyPrunerTest extends CompressorContract {
 *   @Override protected CompressorProvider provider() { return new MyPrunerProvider(); }
 *   @Override protected Model model() { return MyModels.smallMlp(); }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class CompressorContract extends PluginProviderContract<CompressorProvider> {

  /** For subclasses. */
  protected CompressorContract() {}

  /** A new model that the compressor accepts; each call returns an equal one. */
  protected abstract Model model();

  @Override
  protected final ExtensionPoint point() {
    return ExtensionPoint.COMPRESSOR;
  }

  @Override
  protected final String instanceId() {
    return newCompressor().id();
  }

  /** A new compressor from the provider with {@link #context()}. */
  protected final Compressor newCompressor() {
    Compressor compressor = provider().create(context());
    assertNotNull(compressor, () -> plugin() + ": create() returned null");
    return compressor;
  }

  /** Checks that the compressor accepts the sample model. */
  @Test
  public void acceptsTheSampleModel() {
    Model model = model();
    assertTrue(newCompressor().accepts(model), () -> plugin() + ": accepts() refuses the sample"
        + " model of architecture '" + model.architecture() + "'; model() must return one it takes");
  }

  /** Checks that the compressed model has no more parameters and no more bits than the input. */
  @Test
  public void compressedModelIsNoLarger() throws Exception {
    Model input = model();
    Model output = compress(newCompressor(), input).model();
    assertTrue(output.parameterCount() <= input.parameterCount(), () -> plugin()
        + ": compressing " + input.parameterCount() + " parameters gave "
        + output.parameterCount());
    assertTrue(output.sizeBits() <= input.sizeBits(), () -> plugin() + ": compressing "
        + input.sizeBits() + " bits gave " + output.sizeBits());
  }

  /**
   * Checks that the report is not empty, every figure in it is finite, and it holds every metric
   * that produces() declares.
   */
  @Test
  public void reportsWhatItChanged() throws Exception {
    Compressor compressor = newCompressor();
    Metrics report = compress(compressor, model()).report();
    assertFalse(report.size() == 0,
        () -> plugin() + ": the compression report is empty; report what changed (e.g. sparsity)");
    for (Metric m : report.all()) {
      assertTrue(Double.isFinite(m.value()),
          () -> plugin() + ": report figure " + m.name() + " is " + m.value());
    }
    for (String name : compressor.produces()) {
      assertTrue(report.has(name), () -> plugin() + ": produces() declares '" + name
          + "' but the report lacks it");
    }
  }

  /** Checks that compress() leaves its input model's architecture, parameters and size as they were. */
  @Test
  public void leavesTheInputModelUnchanged() throws Exception {
    Model input = model();
    String architecture = input.architecture();
    long parameters = input.parameterCount();
    long bits = input.sizeBits();
    compress(newCompressor(), input);
    assertEquals(architecture, input.architecture(),
        () -> plugin() + ": compress() changed its input's architecture; return a new model");
    assertEquals(parameters, input.parameterCount(),
        () -> plugin() + ": compress() changed its input's parameter count; return a new model");
    assertEquals(bits, input.sizeBits(),
        () -> plugin() + ": compress() changed its input's size in bits; return a new model");
  }

  /**
   * Checks that two compressors with the same settings and seed produce models of the same size
   * and the same report, measured figures aside.
   */
  @Test
  public void sameSeedGivesSameCompression() throws Exception {
    Compression first = compress(newCompressor(), model());
    Compression second = compress(newCompressor(), model());
    assertEquals(first.model().parameterCount(), second.model().parameterCount(), () -> plugin()
        + ": two compressors with the same seed kept different numbers of parameters");
    assertEquals(first.model().sizeBits(), second.model().sizeBits(),
        () -> plugin() + ": two compressors with the same seed produced different sizes in bits");
    assertEquals(withoutMeasured(first.report()), withoutMeasured(second.report()), () -> plugin()
        + ": two compressors with the same seed reported different figures; derive randomness"
        + " from the context's seed");
  }

  /**
   * Checks that Compressor.chain runs the compressor followed by a second instance (or, if that
   * refuses the first one's output, by a pass-through step), with its report prefixed by its id.
   */
  @Test
  public void worksAsAStepOfAChain() throws Exception {
    Compressor first = newCompressor();
    Model input = model();
    Compression single = compress(newCompressor(), model());
    Compressor second = newCompressor();
    Compressor next = second.accepts(single.model()) ? second : new PassThrough();
    Compression chained = Compressor.chain(List.of(first, next), input);
    assertNotNull(chained.model(), () -> plugin() + ": Compressor.chain gave no model");
    assertTrue(chained.model().parameterCount() <= input.parameterCount(), () -> plugin()
        + ": a chain of two steps turned " + input.parameterCount() + " parameters into "
        + chained.model().parameterCount());
    String prefix = first.id().replace('-', '_') + "_";
    for (String name : single.report().names()) {
      assertTrue(chained.report().has(prefix + name), () -> plugin() + ": the chain's report "
          + chained.report().names() + " lacks '" + prefix + name + "'");
    }
  }

  private Compression compress(Compressor compressor, Model model) throws Exception {
    Compression c = compressor.compress(model);
    assertNotNull(c, () -> plugin() + ": compress() returned null");
    return c;
  }

  private static Metrics withoutMeasured(Metrics metrics) {
    Metrics.Builder kept = Metrics.builder();
    metrics.all().stream().filter(m -> m.origin() != Origin.MEASURED).forEach(kept::add);
    return kept.build();
  }

  /** A chain step that keeps the model as it is. */
  private static final class PassThrough implements Compressor {
    @Override
    public String id() {
      return "lathe-tck-pass-through";
    }

    @Override
    public Compression compress(Model model) {
      return new Compression(model, Metrics.builder()
          .add("params", model.parameterCount(), "", Origin.ANALYTIC).build());
    }
  }
}
