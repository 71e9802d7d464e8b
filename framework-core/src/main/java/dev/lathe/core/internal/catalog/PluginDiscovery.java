package dev.lathe.core.internal.catalog;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.LatheApi;
import dev.lathe.api.spi.AcceleratorProvider;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.ExecutorProvider;
import dev.lathe.api.spi.GraphAlgorithmProvider;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.api.spi.ResultStoreProvider;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.registry.PluginInstaller;
import dev.lathe.registry.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's plugin discovery: finds the built-in providers with ServiceLoader on the module
 * path (or class path), loads the external plugins of a plugins directory with PF4J, each jar or
 * zip in its own class loader, and merges both into one {@link PluginCatalog}.
 *
 * <p>Every plugin that cannot be used becomes a {@link Rejection} that names the plugin, its file
 * and the reason, and is logged at WARN; one rejection never stops the others from loading. A
 * provider is rejected when it cannot be created or cannot describe itself (a blank or malformed
 * id makes {@link PluginInfo}'s constructor throw), when the API range it requires excludes
 * {@link LatheApi#VERSION}, or when another provider already fills its extension point under its
 * id (the first found wins; built-in ones are found before external ones, and external ones in
 * file-name order). A plugin file is rejected when PF4J cannot load or start it, when its
 * {@code Plugin-Requires} excludes the running API, or when it lists no provider.
 */
public final class PluginDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(PluginDiscovery.class);

  private final List<CatalogEntry> entries = new ArrayList<>();
  private final List<Rejection> rejections = new ArrayList<>();
  private final Map<Key, CatalogEntry> byKey = new HashMap<>();

  private PluginDiscovery() {}

  /**
   * The catalog of the built-in providers visible to the kernel's own class loader and of the
   * external plugins in {@code pluginsDirectory}.
   *
   * @param pluginsDirectory the folder of plugin jars and zips; {@code null} or a missing folder
   *     means built-in plugins only
   */
  public static PluginCatalog discover(Path pluginsDirectory) {
    return discover(pluginsDirectory, PluginDiscovery.class.getClassLoader());
  }

  /**
   * The catalog of the built-in providers that ServiceLoader finds from {@code builtInLoader} (in
   * the named modules of its layers, and in the {@code META-INF/services} files it sees) and of
   * the external plugins in {@code pluginsDirectory}.
   *
   * @param pluginsDirectory the folder of plugin jars and zips; {@code null} or a missing folder
   *     means built-in plugins only
   * @param builtInLoader where to start looking for built-in providers, not null
   */
  public static PluginCatalog discover(Path pluginsDirectory, ClassLoader builtInLoader) {
    return discover(pluginsDirectory, builtInLoader, List.of());
  }

  /**
   * The catalog of the built-in providers, then of {@code registered} (providers an embedder or
   * a test hands over in code, checked like any other and listed as built-in), then of the
   * external plugins in {@code pluginsDirectory}.
   */
  public static PluginCatalog discover(Path pluginsDirectory, ClassLoader builtInLoader,
      List<? extends PluginProvider> registered) {
    PluginDiscovery discovery = new PluginDiscovery();
    discovery.addBuiltIns(builtInLoader);
    for (PluginProvider provider : registered) {
      discovery.admit(provider.point(), provider, "registered in code ("
          + provider.getClass().getName() + ")", Source.BUILT_IN);
    }
    LathePluginManager manager = discovery.addExternals(pluginsDirectory);
    LOG.debug("plugin catalog: {} providers accepted, {} rejections", discovery.entries.size(),
        discovery.rejections.size());
    return new PluginCatalog(discovery.entries, discovery.rejections, manager);
  }

  private void addBuiltIns(ClassLoader loader) {
    for (ExtensionPoint point : ExtensionPoint.values()) {
      scan(point, providerInterface(point), loader, Source.BUILT_IN);
    }
  }

  /**
   * Rolls back what an interrupted {@code lathe plugin install|update|remove} left in the folder
   * before reading it, so that a run never sees half a change.
   */
  private static void recoverInterruptedChanges(Path folder) {
    PluginInstaller installer = new PluginInstaller(folder);
    try {
      if (installer.hasInterruptedChanges()) {
        installer.recoverInterruptedChanges();
      }
    } catch (RegistryException e) {
      LOG.warn("plugins directory {}: an interrupted plugin change could not be rolled back"
          + " ({}); reading the folder as it is", folder, e.getMessage());
    }
  }

  private LathePluginManager addExternals(Path directory) {
    if (directory == null || !Files.isDirectory(directory)) {
      LOG.debug("no plugins directory at {}: built-in plugins only", directory);
      return null;
    }
    Path folder = directory.toAbsolutePath().normalize();
    recoverInterruptedChanges(folder);
    List<Path> files;
    try {
      files = pluginFiles(folder);
    } catch (IOException e) {
      reject("?", folder.toString(), "the plugins directory cannot be listed: " + describe(e), e);
      return null;
    }
    if (files.isEmpty()) {
      return null;
    }
    LathePluginManager manager = new LathePluginManager(folder);
    try {
      Map<PluginWrapper, Path> loaded = new LinkedHashMap<>();
      for (Path file : files) {
        try {
          loaded.put(manager.load(file), file);
        } catch (LathePluginManager.LoadFailure e) {
          reject(e.pluginId(), file.toString(), "PF4J cannot load it: " + describe(e.getCause()),
              e.getCause());
        }
      }
      manager.startPlugins();
      loaded.forEach((wrapper, file) -> addExternal(manager, wrapper, file.toString()));
      return manager;
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** The jars and zips directly in {@code folder}, hidden files excepted, by file name. */
  private static List<Path> pluginFiles(Path folder) throws IOException {
    try (Stream<Path> listing = Files.list(folder)) {
      return listing
          .filter(Files::isRegularFile)
          .filter(file -> {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return !name.startsWith(".") && (name.endsWith(".jar") || name.endsWith(".zip"));
          })
          .sorted(Comparator.comparing(file -> file.getFileName().toString()))
          .toList();
    }
  }

  private void addExternal(LathePluginManager manager, PluginWrapper wrapper, String file) {
    String pluginId = wrapper.getPluginId();
    if (wrapper.getPluginState() != PluginState.STARTED) {
      reject(pluginId, file, notStarted(manager, wrapper), wrapper.getFailedException());
      manager.discard(wrapper);
      return;
    }
    int rejectedBefore = rejections.size();
    ClassLoader loader = wrapper.getPluginClassLoader();
    Source source = new Source(pluginId, file, loader);
    int accepted = 0;
    for (ExtensionPoint point : ExtensionPoint.values()) {
      accepted += scan(point, providerInterface(point), loader, source);
    }
    if (accepted == 0) {
      if (rejections.size() == rejectedBefore) {
        reject(pluginId, file,
            "it lists no provider of a Lathe extension point in META-INF/services", null);
      }
      manager.discard(wrapper);
    }
  }

  private static String notStarted(LathePluginManager manager, PluginWrapper wrapper) {
    if (!manager.meetsRequires(wrapper)) {
      return "needs Lathe API " + wrapper.getDescriptor().getRequires()
          + " (Plugin-Requires) but this kernel provides " + LatheApi.VERSION;
    }
    Throwable failure = wrapper.getFailedException();
    return "PF4J left it " + wrapper.getPluginState()
        + (failure == null ? "" : ": " + thrown(failure));
  }

  /**
   * Adds the providers of {@code iface} that {@code loader} finds and {@code source} owns.
   *
   * @return how many were accepted
   */
  private <S extends PluginProvider> int scan(
      ExtensionPoint point, Class<S> iface, ClassLoader loader, Source source) {
    int accepted = 0;
    Iterator<ServiceLoader.Provider<S>> providers = ServiceLoader.load(iface, loader).stream()
        .iterator();
    while (true) {
      ServiceLoader.Provider<S> provider;
      try {
        if (!providers.hasNext()) {
          return accepted;
        }
        provider = providers.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        listingFailed(source, e);
        continue;
      }
      if (source.owns(provider.type()) && accept(point, provider, source)) {
        accepted++;
      }
    }
  }

  /** Records a provider that ServiceLoader could not load. */
  private void listingFailed(Source source, Throwable e) {
    reject(source.pluginId(), source == Source.BUILT_IN ? "built-in (class path)" : source.file(),
        "a provider listed in META-INF/services cannot be loaded: " + describe(e), e);
  }

  private boolean accept(
      ExtensionPoint point, ServiceLoader.Provider<? extends PluginProvider> provider,
      Source source) {
    Class<?> type = provider.type();
    String location = source.location(type);
    PluginProvider instance;
    try {
      instance = provider.get();
    } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
      Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null
          ? e.getCause() : e;
      reject(source.pluginId(), location,
          "provider " + type.getName() + " cannot be created: " + thrown(cause), cause);
      return false;
    }
    return admit(point, instance, location, source);
  }

  /** Accepts {@code instance} for {@code point} unless it fails a check; records why it did. */
  private boolean admit(ExtensionPoint point, PluginProvider instance, String location,
      Source source) {
    Class<?> type = instance.getClass();
    PluginInfo info;
    ExtensionPoint declared;
    try {
      info = instance.info();
      declared = instance.point();
    } catch (RuntimeException | LinkageError e) {
      reject(source.pluginId(), location,
          "provider " + type.getName() + " cannot describe itself: " + thrown(e), e);
      return false;
    }
    if (info == null) {
      reject(source.pluginId(), location,
          "provider " + type.getName() + " returns null from info()", null);
      return false;
    }
    if (declared != point) {
      reject(info.id(), location, "provider " + type.getName() + " is listed for extension point "
          + point.label() + " but its point() is " + (declared == null ? null : declared.label()),
          null);
      return false;
    }
    if (!info.requires().contains(LatheApi.VERSION)) {
      reject(info.id(), location, "needs Lathe API " + info.requires()
          + " but this kernel provides " + LatheApi.VERSION, null);
      return false;
    }
    Key key = new Key(point, info.id());
    CatalogEntry first = byKey.get(key);
    if (first != null) {
      reject(info.id(), location, "duplicate " + point.label() + " id '" + info.id() + "': "
          + first.location() + " provides it already", null);
      return false;
    }
    CatalogEntry entry = new CatalogEntry(instance, source != Source.BUILT_IN, location);
    byKey.put(key, entry);
    entries.add(entry);
    return true;
  }

  private void reject(String pluginId, String location, String reason, Throwable cause) {
    Rejection rejection = new Rejection(pluginId, location, reason);
    rejections.add(rejection);
    LOG.warn("{}", rejection);
    if (cause != null) {
      LOG.debug("{}: stack trace", rejection, cause);
    }
  }

  private static Class<? extends PluginProvider> providerInterface(ExtensionPoint point) {
    return switch (point) {
      case SEARCH_SPACE -> SearchSpaceProvider.class;
      case OPTIMIZER -> OptimizerProvider.class;
      case EVALUATOR -> EvaluatorProvider.class;
      case COMPRESSOR -> CompressorProvider.class;
      case ACCELERATOR -> AcceleratorProvider.class;
      case GRAPH_ALGORITHM -> GraphAlgorithmProvider.class;
      case RESULT_STORE -> ResultStoreProvider.class;
      case EXECUTOR -> ExecutorProvider.class;
      case REPRODUCTION -> ReproductionProvider.class;
      case NETWORK -> NetworkProvider.class;
    };
  }

  /** {@code t}'s type and message, then those of its causes, on one line. */
  private static String thrown(Throwable t) {
    return t.getClass().getSimpleName()
        + (t.getMessage() == null ? "" : ": " + describe(t));
  }

  /** {@code t}'s message (its type if it has none), then its causes' types and messages. */
  private static String describe(Throwable t) {
    StringBuilder text = new StringBuilder(
        t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(t);
    for (Throwable cause = t.getCause(); cause != null && seen.add(cause);
        cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message == null) {
        text.append(": ").append(cause.getClass().getSimpleName());
      } else if (text.indexOf(message) < 0) {
        text.append(": ").append(cause.getClass().getSimpleName()).append(": ").append(message);
      }
    }
    return text.toString().replaceAll("\\s*\\R\\s*", " ").trim();
  }

  /** An extension point and an id: the catalog holds at most one provider for each. */
  private record Key(ExtensionPoint point, String id) {}

  /**
   * Where a scan's providers come from: the built-in class loader, or one external plugin, whose
   * own class loader must have defined a provider for it to count (the plugin's loader also
   * reaches the built-in providers through its parent).
   *
   * @param pluginId the plugin's id, {@code ?} for built-in providers
   * @param file the plugin's jar or zip; {@code null} for built-in providers
   * @param loader the plugin's class loader; {@code null} for built-in providers
   */
  private record Source(String pluginId, String file, ClassLoader loader) {

    static final Source BUILT_IN = new Source("?", null, null);

    boolean owns(Class<?> type) {
      return loader == null || type.getClassLoader() == loader;
    }

    String location(Class<?> type) {
      if (file != null) {
        return file;
      }
      Module module = type.getModule();
      if (module.isNamed()) {
        return "built-in (module " + module.getName() + ")";
      }
      CodeSource code = type.getProtectionDomain().getCodeSource();
      return code == null || code.getLocation() == null
          ? "built-in (class path)"
          : "built-in (class path " + code.getLocation() + ")";
    }
  }
}
