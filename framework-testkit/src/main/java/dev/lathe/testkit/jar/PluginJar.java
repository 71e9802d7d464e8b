package dev.lathe.testkit.jar;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.LatheApi;
import dev.lathe.api.spi.PluginProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.apiguardian.api.API;
import org.slf4j.Logger;

/**
 * A builder that writes a real PF4J plugin jar, as a third party would ship it: a manifest with
 * {@code Plugin-Id}, {@code Plugin-Version} and optionally {@code Plugin-Requires} and
 * {@code Plugin-Description}; provider classes copied from the running program (with their
 * nested classes) or compiled from Java source; and one {@code META-INF/services} file per
 * extension point listing the providers.
 *
 * <pre>{@code
 * Path jar = PluginJar.withId("faulty-plugin")
 *     .version("1.0.0")
 *     .requires("[0.1,)")
 *     .provider(FaultyEvaluatorProvider.class)
 *     .writeTo(pluginsDirectory);
 * }</pre>
 *
 * <p>{@code Plugin-Requires} is written only when {@link #requires} is called; the range that
 * each provider declares in {@link PluginProvider#info()} is part of its code. Sources are
 * compiled with the system Java compiler against the framework-api classes of the running
 * program (and SLF4J and API Guardian, which the API's signatures and annotations use), so they
 * can use the API and the JDK only, as a plugin must: on the class path, or on the module path
 * when one of them is a {@code module-info}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PluginJar {

  /** The name under which {@link #source} takes a module declaration. */
  public static final String MODULE_INFO = "module-info";

  private final String pluginId;
  private String version = "0.1.0";
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private final Map<String, byte[]> classFiles = new TreeMap<>();
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, Set<String>> services = new TreeMap<>();

  private PluginJar(String pluginId) {
    this.pluginId = pluginId;
  }

  /**
   * A builder for the plugin jar with {@code Plugin-Id} {@code pluginId} and version 0.1.0.
   *
   * @param pluginId the PF4J plugin id, not null; blank is allowed to test PF4J's refusal
   */
  public static PluginJar withId(String pluginId) {
    return new PluginJar(pluginId);
  }

  /** Sets {@code Plugin-Version}; the default is {@code 0.1.0}. */
  public PluginJar version(String pluginVersion) {
    this.version = pluginVersion;
    return this;
  }

  /** Sets {@code Plugin-Requires}, the Lathe API range the jar needs, e.g. {@code [0.1,1.0)}. */
  public PluginJar requires(String apiRange) {
    return attribute("Plugin-Requires", apiRange);
  }

  /** Sets {@code Plugin-Description}. */
  public PluginJar description(String description) {
    return attribute("Plugin-Description", description);
  }

  /**
   * Sets any other main manifest attribute, e.g. {@code Plugin-Class} or
   * {@code Plugin-Dependencies}, to test how the kernel treats them.
   */
  public PluginJar attribute(String name, String value) {
    attributes.put(name, value);
    return this;
  }

  /**
   * Adds a provider: copies the class files of its top-level class and of every class nested in
   * it (member, local and anonymous) as the running program loaded them, and lists it in the
   * {@code META-INF/services} file of every Lathe provider interface it implements.
   *
   * @throws IllegalArgumentException if it implements no provider interface of
   *     {@code dev.lathe.api.spi}
   * @throws UncheckedIOException if its class files cannot be read
   */
  public PluginJar provider(Class<? extends PluginProvider> type) {
    Set<Class<?>> interfaces = providerInterfaces(type);
    if (interfaces.isEmpty()) {
      throw new IllegalArgumentException(type.getName()
          + " implements no provider interface of " + PluginProvider.class.getPackageName());
    }
    copyClassFiles(type);
    interfaces.forEach(i -> service(i.asSubclass(PluginProvider.class), type.getName()));
    return this;
  }

  /**
   * Adds a Java source file, compiled when the jar is written. A source named
   * {@value #MODULE_INFO} makes a modular jar: then every source is compiled on the module path,
   * where the API is the module {@code dev.lathe.api}, and the jar can be put on a module path
   * or into a {@link java.lang.module.ModuleFinder} as a named module.
   *
   * @param className the binary name of its top-level class, e.g. {@code com.example.MyProvider},
   *     or {@value #MODULE_INFO} for the module declaration
   * @param code the whole compilation unit
   */
  public PluginJar source(String className, String code) {
    sources.put(className, code);
    return this;
  }

  /**
   * Lists {@code className} in {@code META-INF/services/<providerInterface>}, e.g. a provider
   * compiled from a {@link #source}, or a class that does not exist to test a broken listing.
   */
  public PluginJar service(Class<? extends PluginProvider> providerInterface, String className) {
    services.computeIfAbsent(providerInterface.getName(), k -> new LinkedHashSet<>())
        .add(className);
    return this;
  }

  /**
   * Writes the plugin as {@code <id>-<version>.jar} into {@code folder}, creating the folder.
   *
   * @return the jar's path
   * @throws IllegalArgumentException if a source does not compile
   */
  public Path writeTo(Path folder) throws IOException {
    Map<String, byte[]> contents = contents();
    Files.createDirectories(folder);
    Path jar = folder.resolve(pluginId + "-" + version + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest())) {
      for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return jar;
  }

  /**
   * Writes the plugin as {@code <id>-<version>.zip} into {@code folder} in PF4J's zip layout:
   * classes, manifest and services under {@code classes/}.
   *
   * @return the zip's path
   * @throws IllegalArgumentException if a source does not compile
   */
  public Path writeZipTo(Path folder) throws IOException {
    Map<String, byte[]> contents = new TreeMap<>(contents());
    ByteArrayOutputStream manifest = new ByteArrayOutputStream();
    manifest().write(manifest);
    contents.put(JarFile.MANIFEST_NAME, manifest.toByteArray());
    Files.createDirectories(folder);
    Path zip = folder.resolve(pluginId + "-" + version + ".zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
        out.putNextEntry(new ZipEntry("classes/" + entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return zip;
  }

  private Manifest manifest() {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Plugin-Id", pluginId);
    main.putValue("Plugin-Version", version);
    attributes.forEach(main::putValue);
    return manifest;
  }

  /** Every entry but the manifest: class files, compiled sources and services files. */
  private Map<String, byte[]> contents() {
    Map<String, byte[]> contents = new TreeMap<>(classFiles);
    contents.putAll(compile());
    services.forEach((providerInterface, classNames) -> contents.put(
        "META-INF/services/" + providerInterface,
        classNames.stream().map(name -> name + "\n").collect(Collectors.joining())
            .getBytes(StandardCharsets.UTF_8)));
    return contents;
  }

  /** The provider interfaces of {@code dev.lathe.api.spi} that {@code type} implements. */
  private static Set<Class<?>> providerInterfaces(Class<?> type) {
    Set<Class<?>> found = new LinkedHashSet<>();
    Deque<Class<?>> pending = new ArrayDeque<>(List.of(type));
    while (!pending.isEmpty()) {
      Class<?> next = pending.pop();
      if (next.isInterface() && next != PluginProvider.class
          && PluginProvider.class.isAssignableFrom(next)
          && next.getPackageName().equals(PluginProvider.class.getPackageName())) {
        found.add(next);
      }
      if (next.getSuperclass() != null) {
        pending.push(next.getSuperclass());
      }
      pending.addAll(List.of(next.getInterfaces()));
    }
    return found;
  }

  /** Copies the class files of {@code type}'s nest: its top-level class and all nested in it. */
  private void copyClassFiles(Class<?> type) {
    for (Class<?> member : type.getNestHost().getNestMembers()) {
      String entry = member.getName().replace('.', '/') + ".class";
      try (InputStream in = member.getResourceAsStream("/" + entry)) {
        if (in == null) {
          throw new IllegalArgumentException(
              "cannot find the class file " + entry + " of " + type.getName());
        }
        classFiles.put(entry, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the class file " + entry, e);
      }
    }
  }

  /** The folder or jar from which {@code type} was loaded. */
  private static Path location(Class<?> type) {
    CodeSource code = type.getProtectionDomain().getCodeSource();
    if (code == null || code.getLocation() == null) {
      throw new IllegalArgumentException(
          "cannot tell where " + type.getName() + " was loaded from (no code source)");
    }
    try {
      return Path.of(code.getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("code source of " + type.getName() + " is not a path: "
          + code.getLocation(), e);
    }
  }

  private Map<String, byte[]> compile() {
    if (sources.isEmpty()) {
      return Map.of();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("plugin '" + pluginId
          + "': this Java runtime has no compiler (module jdk.compiler) to compile its sources");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<JavaFileObject> units = sources.entrySet().stream()
        .map(e -> (JavaFileObject) new SourceText(e.getKey(), e.getValue())).toList();
    try (StandardJavaFileManager standard =
             javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
         ClassOutput output = new ClassOutput(standard)) {
      standard.setLocationFromPaths(sources.containsKey(MODULE_INFO)
              ? StandardLocation.MODULE_PATH : StandardLocation.CLASS_PATH,
          List.of(location(LatheApi.class), location(Logger.class), location(API.class)));
      StringWriter messages = new StringWriter();
      boolean compiled = javac.getTask(messages, output, diagnostics,
          List.of("--release", "17", "-proc:none", "-Xlint:none"), null, units).call();
      if (!compiled) {
        throw new IllegalArgumentException("plugin '" + pluginId + "': sources do not compile: "
            + Stream.concat(
                    diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(PluginJar::describe),
                    messages.toString().lines().filter(line -> !line.isBlank()))
                .collect(Collectors.joining("; ")));
      }
      return output.classFiles();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
    String where = diagnostic.getSource() == null ? ""
        : diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber() + ": ";
    return where + diagnostic.getMessage(Locale.ROOT).replaceAll("\\s*\\R\\s*", " ");
  }

  /** A compilation unit held in a string. */
  private static final class SourceText extends SimpleJavaFileObject {

    private final String code;

    SourceText(String className, String code) {
      super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension),
          Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }

  /** Keeps the compiler's class files in memory, by jar entry name. */
  private static final class ClassOutput
      extends ForwardingJavaFileManager<StandardJavaFileManager> {

    private final Map<String, ByteArrayOutputStream> classFiles = new TreeMap<>();

    ClassOutput(StandardJavaFileManager standard) {
      super(standard);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      String entry = className.replace('.', '/') + kind.extension;
      return new SimpleJavaFileObject(URI.create("memory:///" + entry), kind) {
        @Override
        public OutputStream openOutputStream() {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          classFiles.put(entry, bytes);
          return bytes;
        }
      };
    }

    Map<String, byte[]> classFiles() {
      Map<String, byte[]> bytes = new TreeMap<>();
      classFiles.forEach((entry, out) -> bytes.put(entry, out.toByteArray()));
      return bytes;
    }
  }
}
