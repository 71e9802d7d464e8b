package dev.lathe.plugin.ofa.latency;

import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.spi.AcceleratorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.Settings;
import dev.lathe.plugin.ofa.Ofa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Creates the accelerator {@code ofa}: MACs and parameters of any network; with
 * {@code latency: true}, its latency predicted from a lookup table that is read from
 * {@code latency_table} if the file exists, created otherwise, and filled by measuring each
 * missing layer group on this machine's backend (unless {@code measure_missing} is false).
 */
public final class OfaAcceleratorProvider implements AcceleratorProvider {

  @Override
  public PluginInfo info() {
    return Ofa.info();
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.bool("latency", false, "also predict latency_ms from a lookup table"
            + " measured on this machine"),
        ParameterSpec.of("latency_table", ParameterSpec.Type.PATH, "ofa-latency-table.json",
            "the lookup table's JSON file: read if it exists, written as it grows"),
        ParameterSpec.bool("measure_missing", true, "measure layer groups the table lacks"
            + " (else they are an error)"),
        ParameterSpec.integer("warmup", 5, "untimed runs before each measurement").range(0, 1000),
        ParameterSpec.integer("repeats", 20, "timed runs per measurement (their fastest and"
            + " median are kept; predictions use the fastest)").range(1, 10_000));
  }

  @Override
  public Accelerator create(PluginContext context) {
    Settings s = context.settings();
    if (!s.getBoolean("latency")) {
      return new OfaAccelerator(Optional.empty(), Optional.empty());
    }
    Path file = s.getPath("latency_table");
    LatencyMeasurer measurer = new LatencyMeasurer(s.getInt("warmup"), s.getInt("repeats"));
    try {
      LatencyTable table = Files.exists(file) ? LatencyTable.load(file) : measurer.newTable();
      LatencyPredictor predictor = new LatencyPredictor(table,
          s.getBoolean("measure_missing") ? Optional.of(measurer) : Optional.empty());
      context.logger().info("latency table {}: {} entries, context factor {}, measured on {}",
          file, table.size(), table.contextFactor(), table.provenance().get("cpu"));
      if (table.contextNetworks() == 0 && !predictor.measures()) {
        context.logger().warn("latency table {} has no context factor and 'measure_missing' is"
            + " false: predictions sum the groups as timed alone, which runs faster than inside"
            + " a network", file);
      }
      return new OfaAccelerator(Optional.of(predictor), Optional.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
