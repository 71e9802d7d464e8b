package dev.lathe.testkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.LatheApi;
import dev.lathe.api.Version;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.api.spi.Settings;
import dev.lathe.core.LatheException;
import dev.lathe.core.internal.config.ExperimentFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PluginContext} for tests: the provider's declared defaults plus overrides, validated
 * by the kernel's own configuration code exactly as the plugin's section of an experiment file
 * (so a setting refused here is refused there, with the same message); a fixed seed; work and
 * cache folders under a folder the test owns; an SLF4J logger named {@code lathe.plugin.<id>}.
 *
 * <p>The work folder is {@code <folder>/results/<plugin id>}, so its parent
 * {@code <folder>/results} plays the experiment's results folder (where a result store keeps
 * its records); the cache folder is {@code <folder>/cache}. Both are created when first asked for.
 * Relative {@code PATH} settings resolve against {@code <folder>}.
 *
 * <pre>{@code
 * PluginContext context = TestPluginContext.builder(new MyOptimizerProvider(), tempDir)
 *     .set("population", "16")
 *     .seed(7)
 *     .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TestPluginContext implements PluginContext {

  /** The seed a context gets unless the test sets one. */
  public static final long DEFAULT_SEED = 42;

  private final Version apiVersion;
  private final Settings settings;
  private final long seed;
  private final Logger logger;
  private final Path workDirectory;
  private final Path cacheDirectory;

  private TestPluginContext(Builder b, Settings settings) {
    this.apiVersion = b.apiVersion;
    this.settings = settings;
    this.seed = b.seed;
    this.logger = LoggerFactory.getLogger("lathe.plugin." + b.pluginId);
    this.workDirectory = b.folder.resolve("results").resolve(b.pluginId);
    this.cacheDirectory = b.folder.resolve("cache");
  }

  /**
   * A builder of contexts for the plugin that {@code provider} creates.
   *
   * @param provider the plugin's provider, never null; its {@code parameters()} define the settings
   * @param folder a folder the test owns (e.g. JUnit's {@code @TempDir}), never null
   */
  public static Builder builder(PluginProvider provider, Path folder) {
    return new Builder(provider, folder);
  }

  /** A context with the provider's declared defaults and seed {@link #DEFAULT_SEED}. */
  public static TestPluginContext of(PluginProvider provider, Path folder) {
    return builder(provider, folder).build();
  }

  @Override
  public Version apiVersion() {
    return apiVersion;
  }

  @Override
  public Settings settings() {
    return settings;
  }

  @Override
  public long seed() {
    return seed;
  }

  /** A new {@link SplittableRandom} seeded with {@link #seed()}. */
  @Override
  public RandomGenerator random() {
    return new SplittableRandom(seed);
  }

  @Override
  public Logger logger() {
    return logger;
  }

  @Override
  public Path workDirectory() {
    return created(workDirectory);
  }

  @Override
  public Path cacheDirectory() {
    return created(cacheDirectory);
  }

  private static Path created(Path folder) {
    try {
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create folder " + folder, e);
    }
  }

  @Override
  public String toString() {
    return "TestPluginContext[" + settings + ", seed " + seed + ", " + workDirectory + "]";
  }

  /** Collects overrides, seed and API version, then validates them against the provider. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private final PluginProvider provider;
    private final String pluginId;
    private final Path folder;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private String prefix;
    private long seed = DEFAULT_SEED;
    private Version apiVersion = LatheApi.VERSION;

    private Builder(PluginProvider provider, Path folder) {
      this.provider = Objects.requireNonNull(provider, "provider");
      this.folder = Objects.requireNonNull(folder, "folder");
      this.pluginId = provider.info().id();
      this.prefix = provider.point().label();
    }

    /** Sets {@code key} to {@code value}, written as in an experiment file. */
    public Builder set(String key, String value) {
      overrides.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Sets every entry of {@code settings}. */
    public Builder settings(Map<String, String> settings) {
      settings.forEach(this::set);
      return this;
    }

    /** The seed; default {@link #DEFAULT_SEED}. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The section key named in messages; default the extension point's label, e.g. {@code optimizer}. */
    public Builder prefix(String prefix) {
      this.prefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /** The API version the context reports; default the running {@link LatheApi#VERSION}. */
    public Builder apiVersion(Version apiVersion) {
      this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
      return this;
    }

    /**
     * The context.
     *
     * @throws LatheException of kind {@code CONFIGURATION}, one line naming the plugin and the
     *     key ({@code prefix.key}), if a setting is not declared, breaks its declaration (type,
     *     range, choices), or is required and missing; of kind {@code PLUGIN} if a declared
     *     default breaks its own declaration
     */
    public TestPluginContext build() {
      return new TestPluginContext(this, ExperimentFiles.settings(pluginId,
          provider.parameters(), prefix, overrides, folder));
    }
  }
}
