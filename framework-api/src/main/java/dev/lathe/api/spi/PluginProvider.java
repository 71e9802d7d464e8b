package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.ExtensionPoint;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What every provider declares. Each extension point has a sub-interface that adds a
 * {@code create} method; a plugin module {@code provides} those sub-interfaces and lists them
 * in {@code META-INF/services} as well.
 */
@API(status = STABLE, since = "0.1")
public interface PluginProvider {

  /** Who the plugin is. */
  PluginInfo info();

  /** Which extension point this provider fills. */
  ExtensionPoint point();

  /** The parameters the plugin accepts. Default: none. */
  default List<ParameterSpec> parameters() {
    return List.of();
  }
}
