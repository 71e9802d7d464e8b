package dev.lathe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.LatheApi;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.api.spi.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeclaredSettingsContextTest {

  /** A provider declaring one parameter of each kind the getters read. */
  private static final PluginProvider PROVIDER = new PluginProvider() {
    @Override
    public PluginInfo info() {
      return PluginInfo.of("probe", "0.1.0", "a provider with parameters", "[0.1,1.0)");
    }

    @Override
    public ExtensionPoint point() {
      return ExtensionPoint.ACCELERATOR;
    }

    @Override
    public List<ParameterSpec> parameters() {
      return List.of(
          ParameterSpec.string("design", "sparch", "a choice").choices("sparch", "outerspace"),
          ParameterSpec.integer("multipliers", 16, "an integer"),
          ParameterSpec.real("clock-ghz", 1.0, "a real"),
          ParameterSpec.bool("huffman", true, "a boolean"),
          ParameterSpec.of("timeout", ParameterSpec.Type.DURATION, "PT30S", "a duration"),
          ParameterSpec.of("sizes", ParameterSpec.Type.INTEGER_LIST, "1, 2,3", "a list"),
          ParameterSpec.of("out", ParameterSpec.Type.PATH, null, "required"));
    }
  };

  private static final Path FOLDER = Path.of("/tmp/lathe-probe");

  @Test
  void readsDeclaredDefaultsWithOverrides() {
    PluginContext context = new DeclaredSettingsContext(PROVIDER,
        Map.of("design", "outerspace", "out", "results/x"), FOLDER);
    Settings s = context.settings();
    assertEquals("outerspace", s.getString("design"));
    assertEquals(16, s.getInt("multipliers"));
    assertEquals(1.0, s.getDouble("clock-ghz"));
    assertTrue(s.getBoolean("huffman"));
    assertEquals(Duration.ofSeconds(30), s.getDuration("timeout"));
    assertEquals(List.of(1L, 2L, 3L), s.getLongList("sizes"));
    assertEquals(Path.of("results/x"), s.getPath("out"));
    assertEquals(7, s.asMap().size());
    assertEquals(LatheApi.VERSION, context.apiVersion());
    assertEquals(FOLDER.resolve("work"), context.workDirectory());
    assertEquals(context.random().nextLong(), context.random().nextLong());
  }

  @Test
  void refusesUndeclaredUnsetAndUnlistedSettings() {
    assertEquals("plugin 'probe': setting 'ways' is not a declared parameter; declared: [design,"
        + " multipliers, clock-ghz, huffman, timeout, sizes, out]",
        assertThrows(IllegalArgumentException.class, () -> new DeclaredSettingsContext(
            PROVIDER, Map.of("ways", "4", "out", "x"), FOLDER)).getMessage());
    assertEquals("plugin 'probe': setting 'out' is required",
        assertThrows(IllegalArgumentException.class,
            () -> new DeclaredSettingsContext(PROVIDER, Map.of(), FOLDER)).getMessage());
    assertEquals("plugin 'probe': setting 'design' is 'gamma', not one of [sparch, outerspace]",
        assertThrows(IllegalArgumentException.class, () -> new DeclaredSettingsContext(
            PROVIDER, Map.of("design", "gamma", "out", "x"), FOLDER)).getMessage());
  }
}
