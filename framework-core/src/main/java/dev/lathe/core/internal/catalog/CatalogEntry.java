package dev.lathe.core.internal.catalog;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.PluginProvider;
import java.util.Objects;

/**
 * One accepted provider.
 *
 * @param provider the provider instance
 * @param external whether it came from a plugin jar rather than the module path
 * @param location {@code built-in (module name)} or the path of the plugin jar or folder
 */
public record CatalogEntry(PluginProvider provider, boolean external, String location) {

  /** Checks the parts. */
  public CatalogEntry {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(location, "location");
  }

  /** The provider's descriptor. */
  public PluginInfo info() {
    return provider.info();
  }

  /** The provider's extension point. */
  public ExtensionPoint point() {
    return provider.point();
  }

  /** The plugin id. */
  public String id() {
    return provider.info().id();
  }
}
