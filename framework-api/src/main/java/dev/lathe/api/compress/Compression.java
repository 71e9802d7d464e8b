package dev.lathe.api.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.metric.Metrics;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The result of a compressor: the smaller model and a report of what changed.
 *
 * @param model the compressed model
 * @param report what changed, e.g. {@code sparsity}, {@code bits}, {@code params_before}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Compression(Model model, Metrics report) {

  /** Checks the parts. */
  public Compression {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(report, "report");
  }
}
