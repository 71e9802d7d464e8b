package dev.lathe.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.spi.PluginProvider;
import dev.lathe.core.ExperimentBuilder;
import dev.lathe.core.ExperimentListener;
import dev.lathe.core.ExperimentResult;
import dev.lathe.core.Lathe;
import dev.lathe.core.PluginRejection;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Runs experiments through the real kernel (catalog, configuration checks, engine, stores,
 * reports) with the providers under test registered in code beside the built-in ones.
 *
 * <pre>{@code
 * try (ExperimentTestKit kit = ExperimentTestKit.with(new MyOptimizerProvider())) {
 *   ExperimentResult r = kit.experiment()
 *       .space("branin").evaluator("branin").optimizer("my-optimizer")
 *       .minimize("value").trials(60).run();
 *   assertTrue(r.best().orElseThrow().metrics().value("value") < 1.0);
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ExperimentTestKit implements AutoCloseable {

  private final Lathe lathe;

  private ExperimentTestKit(Lathe lathe) {
    this.lathe = lathe;
  }

  /** A kernel with the built-in plugins and {@code providers}; no external plugins. */
  public static ExperimentTestKit with(PluginProvider... providers) {
    return new ExperimentTestKit(Lathe.open(null, List.of(providers)));
  }

  /** A kernel with the built-in plugins, {@code providers} and the jars in {@code pluginsDirectory}. */
  public static ExperimentTestKit withPluginsDirectory(Path pluginsDirectory,
      PluginProvider... providers) {
    return new ExperimentTestKit(Lathe.open(pluginsDirectory, List.of(providers)));
  }

  /** Composes an experiment on this kernel; kept in memory unless given an output folder. */
  public ExperimentBuilder experiment() {
    return lathe.newExperiment();
  }

  /** Runs an experiment file into {@code folder}, as {@code lathe run FILE --out folder --set …}. */
  public ExperimentResult run(Path file, Path folder, String... overrides) {
    return lathe.run(file, List.of(overrides), folder, new ExperimentListener() {});
  }

  /** Continues the experiment in {@code folder}, as {@code lathe resume folder --set …}. */
  public ExperimentResult resume(Path folder, String... overrides) {
    return lathe.resume(folder, List.of(overrides), new ExperimentListener() {});
  }

  /** The plugins the kernel refused, with reasons; empty when every provider was accepted. */
  public List<PluginRejection> rejections() {
    return lathe.rejections();
  }

  /** The kernel itself, for everything else the embedding API offers. */
  public Lathe lathe() {
    return lathe;
  }

  @Override
  public void close() {
    lathe.close();
  }
}
