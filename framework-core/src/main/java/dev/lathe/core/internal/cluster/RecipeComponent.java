package dev.lathe.core.internal.cluster;

import dev.lathe.api.ExtensionPoint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One plugin of a {@link TrialRecipe}: which plugin, in which version, where it sits and with
 * which settings.
 *
 * @param role its place in the experiment, e.g. {@code space} or {@code evaluators(0)}
 * @param point its extension point
 * @param plugin the plugin id
 * @param version the plugin's version on the driver
 * @param settings its effective settings as text, defaults included
 */
public record RecipeComponent(
    String role, ExtensionPoint point, String plugin, String version,
    Map<String, String> settings) {

  /** Checks and copies the parts. */
  public RecipeComponent {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(version, "version");
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** The key under which workers advertise this plugin: {@code point/id@version}. */
  public String capability() {
    return capability(point, plugin, version);
  }

  /** The key under which workers advertise a plugin: {@code point/id@version}. */
  public static String capability(ExtensionPoint point, String plugin, String version) {
    return point.label() + "/" + plugin + "@" + version;
  }
}
