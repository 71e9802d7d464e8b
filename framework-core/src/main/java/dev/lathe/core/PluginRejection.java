package dev.lathe.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A plugin that Lathe refused to load.
 *
 * @param plugin its id as far as it could be read, or {@code ?}
 * @param location the jar or module it came from
 * @param reason why it was refused
 */
@API(status = STABLE, since = "0.1")
public record PluginRejection(String plugin, String location, String reason) {}
