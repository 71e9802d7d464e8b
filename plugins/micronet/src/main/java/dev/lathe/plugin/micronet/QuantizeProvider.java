package dev.lathe.plugin.micronet;

import dev.lathe.api.compress.Compressor;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.Settings;
import java.util.List;

/**
 * Creates {@code quantize}, quantisation-aware training to k-bit weights, biases and
 * activations.
 */
public final class QuantizeProvider implements CompressorProvider {

  static final String ID = "quantize";

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "Quantisation-aware training: symmetric per-channel k-bit"
        + " weights, biases and activations (MicroNet LM, arXiv:2005.07877)", "[0.1,1.0)")
        .withPaper(MicronetLmProvider.PAPER, MicronetLmProvider.PAPER_TITLE);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("bits", 8, "bits per weight, bias and activation").range(2, 16),
        ParameterSpec.bool("activations", true, "also quantise the activations (a network's node outputs, the LM's matrix-product inputs)"),
        ParameterSpec.integer("steps", 40, "quantisation-aware training updates")
            .range(0, 10_000_000),
        ParameterSpec.real("rate", 1e-4, "Adam's learning rate").range(1e-8, 1));
  }

  @Override
  public Compressor create(PluginContext context) {
    Settings s = context.settings();
    return new QuantizeCompressor(s.getInt("bits"), s.getBoolean("activations"),
        s.getInt("steps"), s.getDouble("rate"), context.seed(), context.logger());
  }
}
