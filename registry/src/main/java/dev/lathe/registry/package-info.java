/**
 * The plugin registry: its signed index ({@link dev.lathe.registry.RegistryIndex}), where it is
 * read from ({@link dev.lathe.registry.Registry}), how versions and dependencies are chosen
 * ({@link dev.lathe.registry.Resolver}), how plugins are installed, verified and removed
 * ({@link dev.lathe.registry.PluginInstaller}) and how a folder registry is written
 * ({@link dev.lathe.registry.Publisher}).
 */
package dev.lathe.registry;
