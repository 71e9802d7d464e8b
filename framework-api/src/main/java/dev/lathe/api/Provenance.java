package dev.lathe.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Everything needed to tell how a result was obtained and to run it again: the effective
 * configuration of every plugin, the seeds, hashes of the inputs, and the platform.
 *
 * @param experiment the experiment's name
 * @param latheVersion version of the kernel that ran it
 * @param plugins every plugin that took part, with its effective settings
 * @param seeds the experiment seed and the seed split off for each component, by component
 * @param inputHashes SHA-256 of each input file, by path as written in the configuration
 * @param platform JDK, OS, architecture, processors and tensor backend, by key
 */
@API(status = STABLE, since = "0.1")
public record Provenance(
    String experiment,
    String latheVersion,
    List<PluginUse> plugins,
    Map<String, Long> seeds,
    Map<String, String> inputHashes,
    Map<String, String> platform) {

  /** Copies the collections. */
  public Provenance {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(latheVersion, "latheVersion");
    plugins = List.copyOf(plugins);
    seeds = Map.copyOf(seeds);
    inputHashes = Map.copyOf(inputHashes);
    platform = Map.copyOf(platform);
  }

  /**
   * One plugin's part in an experiment.
   *
   * @param role where in the experiment it was used, e.g. {@code optimizer} or {@code evaluators[0]}
   * @param point its extension point
   * @param id its id
   * @param version its version
   * @param source where it was loaded from: {@code built-in} or the path of its jar
   * @param settings its effective settings, defaults included, as text
   */
  public record PluginUse(
      String role, ExtensionPoint point, String id, String version, String source,
      Map<String, String> settings) {

    /** Copies the settings. */
    public PluginUse {
      settings = Map.copyOf(settings);
    }
  }
}
