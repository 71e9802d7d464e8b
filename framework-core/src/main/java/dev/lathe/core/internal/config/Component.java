package dev.lathe.core.internal.config;

import dev.lathe.core.internal.catalog.CatalogEntry;
import java.util.Objects;

/**
 * One plugin's place in an experiment.
 *
 * @param role where it sits, as a configuration key: {@code space}, {@code evaluators(0)},
 *     {@code optimizer}, …
 * @param entry the catalog entry that provides it
 * @param settings its validated settings
 */
public record Component(String role, CatalogEntry entry, SettingsView settings) {

  /** Checks the parts. */
  public Component {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(settings, "settings");
  }

  /** The plugin id. */
  public String plugin() {
    return entry.id();
  }
}
