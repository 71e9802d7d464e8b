package dev.lathe.core.internal.catalog;

import dev.lathe.api.LatheApi;
import dev.lathe.api.VersionRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.DefaultPluginManager;
import org.pf4j.InvalidPluginDescriptorException;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.Plugin;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;
import org.pf4j.VersionManager;
import org.pf4j.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PF4J's plugin manager as the kernel uses it: plugins are jars, or zips in PF4J's layout, that
 * describe themselves in their manifest; {@code Plugin-Requires} is a Lathe version range checked
 * against the running API; plugins may not depend on each other. Each file is loaded on its own
 * so that one broken file never stops the others.
 */
final class LathePluginManager extends DefaultPluginManager implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LathePluginManager.class);

  private final Map<String, Path> filesById = new HashMap<>();

  /** A manager for the plugins in {@code directory}, checked against {@link LatheApi#VERSION}. */
  LathePluginManager(Path directory) {
    super(directory);
    setSystemVersion(LatheApi.VERSION.toString());
    setExactVersionAllowed(true);
  }

  @Override
  public RuntimeMode getRuntimeMode() {
    return RuntimeMode.DEPLOYMENT;
  }

  @Override
  protected PluginDescriptorFinder createPluginDescriptorFinder() {
    return new ManifestPluginDescriptorFinder();
  }

  /** PF4J's factory, but a {@code Plugin-Class} that cannot be created fails the start. */
  @Override
  protected PluginFactory createPluginFactory() {
    PluginFactory pf4j = super.createPluginFactory();
    return wrapper -> {
      Plugin plugin = pf4j.create(wrapper);
      if (plugin == null) {
        throw new PluginRuntimeException("its Plugin-Class "
            + wrapper.getDescriptor().getPluginClass() + " cannot be created (PF4J logs why)");
      }
      return plugin;
    };
  }

  @Override
  protected VersionManager createVersionManager() {
    return new LatheVersionManager();
  }

  @Override
  protected void validatePluginDescriptor(PluginDescriptor descriptor) {
    super.validatePluginDescriptor(descriptor);
    try {
      VersionRange.parse(descriptor.getRequires());
    } catch (IllegalArgumentException e) {
      throw new InvalidPluginDescriptorException(
          "manifest attribute Plugin-Requires: " + e.getMessage());
    }
    List<PluginDependency> dependencies = descriptor.getDependencies();
    if (!dependencies.isEmpty()) {
      throw new InvalidPluginDescriptorException("its manifest declares Plugin-Dependencies "
          + dependencies.stream().map(PluginDependency::getPluginId).toList()
          + ", but Lathe plugins meet only through the API and may not depend on each other");
    }
  }

  /**
   * Loads the plugin in {@code file}, a jar or a zip (unpacked beside itself first), and resolves
   * it; it is not started yet.
   *
   * @throws LoadFailure if a zip cannot be unpacked (the partly unpacked folder is removed), if
   *     PF4J refuses the file, or if its {@code Plugin-Id} is taken
   */
  PluginWrapper load(Path file) throws LoadFailure {
    String pluginId = "?";
    try {
      Path pluginPath = unpack(file);
      PluginDescriptor descriptor = getPluginDescriptorFinder().find(pluginPath);
      if (descriptor.getPluginId() != null && !descriptor.getPluginId().isBlank()) {
        pluginId = descriptor.getPluginId();
        Path other = filesById.get(pluginId);
        if (other != null) {
          throw new PluginRuntimeException(
              "its Plugin-Id '" + pluginId + "' is already used by " + other);
        }
      }
      PluginWrapper wrapper = loadPluginFromPath(pluginPath);
      filesById.put(pluginId, file);
      resolvePlugins();
      return wrapper;
    } catch (IOException | RuntimeException e) {
      throw new LoadFailure(pluginId, e);
    }
  }

  private static Path unpack(Path file) throws IOException {
    try {
      return FileUtils.expandIfZip(file);
    } catch (IOException e) {
      String name = file.getFileName().toString();
      Path partial = file.resolveSibling(name.substring(0, name.lastIndexOf('.')));
      if (Files.exists(partial)) {
        try {
          FileUtils.delete(partial);
        } catch (IOException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw e;
    }
  }

  /** Whether the plugin's {@code Plugin-Requires} admits the running API. */
  boolean meetsRequires(PluginWrapper wrapper) {
    return isPluginValid(wrapper);
  }

  /** Stops and unloads one plugin, closing its class loader. */
  void discard(PluginWrapper wrapper) {
    unloadPlugin(wrapper.getPluginId());
  }

  /**
   * Stops the started plugins one by one, last started first, over a copy of the started list
   * (PF4J's own {@code stopPlugins} modifies the list it walks), then unloads every plugin. A
   * plugin that fails to stop is logged and unloaded all the same.
   */
  @Override
  public void close() {
    List<PluginWrapper> started = new ArrayList<>(getStartedPlugins());
    Collections.reverse(started);
    for (PluginWrapper wrapper : started) {
      try {
        stopPlugin(wrapper.getPluginId());
      } catch (RuntimeException e) {
        LOG.warn("plugin '{}' from {} failed to stop: {}", wrapper.getPluginId(),
            wrapper.getPluginPath(), e.toString(), e);
      }
    }
    for (PluginWrapper wrapper : new ArrayList<>(getPlugins())) {
      try {
        unloadPlugin(wrapper.getPluginId());
      } catch (RuntimeException e) {
        LOG.warn("plugin '{}' from {} failed to unload: {}", wrapper.getPluginId(),
            wrapper.getPluginPath(), e.toString(), e);
      }
    }
  }

  /** A plugin file that PF4J could not load, with the plugin's id as far as it could be read. */
  static final class LoadFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String pluginId;

    LoadFailure(String pluginId, Exception cause) {
      super(cause.getMessage(), cause);
      this.pluginId = pluginId;
    }

    /** The file's {@code Plugin-Id}, or {@code ?} if it could not be read. */
    String pluginId() {
      return pluginId;
    }
  }
}
