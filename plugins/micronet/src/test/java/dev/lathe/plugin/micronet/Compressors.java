package dev.lathe.plugin.micronet;

import dev.lathe.api.compress.Compressor;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.Map;

/** What the compressor tests share: a compressor made from settings, and a report's values. */
final class Compressors {

  private Compressors() {}

  /** The compressor {@code provider} makes with {@code settings}, its folder {@code folder}. */
  static Compressor create(CompressorProvider provider, Path folder,
      Map<String, String> settings) {
    TestPluginContext.Builder b = TestPluginContext.builder(provider, folder);
    settings.forEach(b::set);
    return provider.create(b.build());
  }

  /** The value of metric {@code name} in {@code report}, which must hold it. */
  static double value(Metrics report, String name) {
    return report.get(name).orElseThrow(() -> new AssertionError(name + " not in "
        + report.names())).value();
  }
}
