package dev.lathe.core;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.Version;
import dev.lathe.api.VersionRange;
import dev.lathe.api.spi.ParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One plugin as {@code lathe plugins} and {@code lathe describe} show it: everything its
 * providers declare, grouped under its id.
 *
 * @param id the plugin id
 * @param version its version
 * @param title its title
 * @param paper the arXiv id of its paper, if any
 * @param paperTitle the title of that paper, if the plugin gives it
 * @param requires the API range it needs
 * @param points the extension points it fills
 * @param external whether it was loaded from a plugin jar
 * @param location {@code built-in (module …)} or the jar's path
 * @param parameters its declared parameters per extension point
 */
@API(status = STABLE, since = "0.1")
public record PluginDescription(
    String id,
    Version version,
    String title,
    Optional<String> paper,
    Optional<String> paperTitle,
    VersionRange requires,
    List<ExtensionPoint> points,
    boolean external,
    String location,
    Map<ExtensionPoint, List<ParameterSpec>> parameters) {

  /** Copies the collections. */
  public PluginDescription {
    points = List.copyOf(points);
    parameters = Map.copyOf(parameters);
  }
}
