package dev.lathe.api.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.metric.Metric;
import dev.lathe.api.metric.Metrics;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Transforms a model into a smaller one (pruning, quantization, distillation, channel search)
 * and reports what it changed. Compressors chain: each works on the previous one's output.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Compressor {

  /** The id of the plugin that made this compressor. */
  String id();

  /**
   * Compresses {@code model}.
   *
   * @throws Exception if compression fails; the message says why
   */
  Compression compress(Model model) throws Exception;

  /**
   * The names of the metrics every report of this compressor holds (before a chain prefixes
   * them), so that an experiment's objectives and constraints can refer to them. Default: none
   * declared.
   */
  default List<String> produces() {
    return List.of();
  }

  /**
   * The name a chain gives metric {@code name} of compressor {@code id}'s report:
   * {@code <id>_<name>}, with '-' in the id read as '_'.
   */
  static String chainedName(String id, String name) {
    return id.replace('-', '_') + "_" + name;
  }

  /** Whether this compressor can work on {@code model}. Default: yes. */
  default boolean accepts(Model model) {
    return true;
  }

  /**
   * Applies {@code chain} in order. The report holds every step's metrics, each renamed
   * {@link #chainedName}.
   *
   * @throws IllegalArgumentException naming the step and the model if a step does not accept
   *     the model it is given
   */
  static Compression chain(List<Compressor> chain, Model model) throws Exception {
    Model current = model;
    Metrics.Builder report = Metrics.builder();
    for (Compressor step : chain) {
      if (!step.accepts(current)) {
        throw new IllegalArgumentException("compressor '" + step.id()
            + "' cannot work on a model of architecture '" + current.architecture() + "'");
      }
      Compression c = step.compress(current);
      c.report().all().forEach(m -> report.add(
          new Metric(chainedName(step.id(), m.name()), m.value(), m.unit(), m.origin())));
      current = c.model();
    }
    return new Compression(current, report.build());
  }
}
