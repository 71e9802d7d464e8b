package dev.lathe.core.internal.catalog;

import java.util.Objects;

/**
 * A plugin that the catalog refused, and why.
 *
 * @param plugin the plugin's id as far as it could be read, or {@code ?}
 * @param location the jar, folder or module it came from
 * @param reason one sentence saying what is wrong
 */
public record Rejection(String plugin, String location, String reason) {

  /** Checks the parts. */
  public Rejection {
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return "plugin '" + plugin + "' from " + location + " rejected: " + reason;
  }
}
