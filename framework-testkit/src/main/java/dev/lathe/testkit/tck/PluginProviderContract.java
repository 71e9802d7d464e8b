package dev.lathe.testkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.LatheApi;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.core.LatheException;
import dev.lathe.core.internal.config.ExperimentFiles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks every provider passes, whatever its extension point: a complete {@link PluginInfo}
 * whose API range admits the running API, documented parameters whose defaults satisfy their own
 * ranges and choices, a class that {@link java.util.ServiceLoader} can instantiate, and
 * instances whose id is the provider's. Each extension point's contract extends this class.
 *
 * <p>Every test gets a fresh temporary folder, under which {@link #context()} places the
 * plugin's work and cache folders.
 *
 * @param <P> the provider interface of the extension point
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class PluginProviderContract<P extends PluginProvider> {

  private static final Pattern ARXIV_ID =
      Pattern.compile("\\d{4}\\.\\d{4,5}(v\\d+)?|[a-z-]+(\\.[A-Z]{2})?/\\d{7}(v\\d+)?");
  private static final Pattern PARAMETER_NAME =
      Pattern.compile("[a-z][A-Za-z0-9_-]*(\\.[a-z][A-Za-z0-9_-]*)*");
  private static final Set<ParameterSpec.Type> NUMERIC = EnumSet.of(ParameterSpec.Type.INTEGER,
      ParameterSpec.Type.REAL, ParameterSpec.Type.INTEGER_LIST, ParameterSpec.Type.REAL_LIST);
  private static final Set<ParameterSpec.Type> TEXTUAL =
      EnumSet.of(ParameterSpec.Type.STRING, ParameterSpec.Type.STRING_LIST);

  private Path folder;

  /** For subclasses. */
  protected PluginProviderContract() {}

  /** The provider under test; may return a new instance on each call. */
  protected abstract P provider();

  /** The extension point that this contract's providers fill. */
  protected abstract ExtensionPoint point();

  /** The {@code id()} of an instance that the provider creates with {@link #context()}. */
  protected abstract String instanceId() throws Exception;

  /**
   * Settings on top of the provider's declared defaults for every instance the contract
   * creates, as written in an experiment file. Default: none. Override to set required
   * parameters or to test a configuration other than the defaults.
   */
  protected Map<String, String> settings() {
    return Map.of();
  }

  /** The seed of the contexts the contract creates. Default: {@link TestPluginContext#DEFAULT_SEED}. */
  protected long seed() {
    return TestPluginContext.DEFAULT_SEED;
  }

  /** Receives the test's temporary folder; JUnit calls it before each test. */
  @BeforeEach
  public final void useTemporaryFolder(@TempDir Path folder) {
    this.folder = folder;
  }

  /** The current test's temporary folder. */
  protected final Path temporaryFolder() {
    return folder;
  }

  /** A context with {@link #settings()} and {@link #seed()} in the current test's folder. */
  protected final TestPluginContext context() {
    return contextBuilder().build();
  }

  /** A builder preset with {@link #settings()} and {@link #seed()}, for contexts that differ. */
  protected final TestPluginContext.Builder contextBuilder() {
    return TestPluginContext.builder(provider(), folder).settings(settings()).seed(seed());
  }

  /** Names the plugin in assertion messages: its id and provider class. */
  protected final String plugin() {
    P provider = provider();
    return "plugin '" + provider.info().id() + "' (" + provider.getClass().getName() + ")";
  }

  /** Checks that the provider's info is complete and admits the running API version. */
  @Test
  public void providerInfoIsComplete() {
    PluginInfo info = provider().info();
    assertNotNull(info, () -> provider().getClass().getName() + ".info() returned null");
    assertFalse(info.title().isBlank(),
        () -> plugin() + ": info().title() is blank; give the plugin a short human title");
    assertTrue(info.requires().contains(LatheApi.VERSION), () -> plugin() + ": info().requires() "
        + info.requires() + " excludes the running API " + LatheApi.VERSION
        + "; the kernel would refuse to load the plugin");
    info.paper().ifPresent(paper -> assertTrue(ARXIV_ID.matcher(paper).matches(),
        () -> plugin() + ": info().paper() '" + paper + "' is not an arXiv id such as 1908.09791"));
    info.paperTitle().ifPresent(t -> assertTrue(info.paper().isPresent() && !t.isBlank(),
        () -> plugin() + ": info().paperTitle() '" + t + "' needs a paper and a non-blank title"));
    assertEquals(info, provider().info(),
        () -> plugin() + ": info() returned different descriptors on two calls");
  }

  /** Checks that the provider declares the extension point whose contract it is tested against. */
  @Test
  public void providerFillsThisExtensionPoint() {
    assertEquals(point(), provider().point(), () -> plugin() + ": point() is "
        + provider().point() + " but it is tested against the " + point().label() + " contract");
  }

  /**
   * Checks that {@link java.util.ServiceLoader} can create the provider: a public, concrete,
   * top-level or static nested class with a public no-argument constructor or a public static
   * {@code provider()} method.
   */
  @Test
  public void providerIsLoadableByServiceLoader() {
    Class<?> type = provider().getClass();
    assertTrue(Modifier.isPublic(type.getModifiers()),
        () -> type.getName() + " must be public for ServiceLoader to create it");
    assertFalse(Modifier.isAbstract(type.getModifiers()),
        () -> type.getName() + " must not be abstract for ServiceLoader to create it");
    assertFalse(type.isMemberClass() && !Modifier.isStatic(type.getModifiers()),
        () -> type.getName() + " is an inner class; make it static for ServiceLoader to create it");
    assertFalse(type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic(),
        () -> type.getName() + " is anonymous or local; ServiceLoader needs a named class");
    if (hasPublicProviderMethod(type)) {
      return;
    }
    Constructor<?> constructor;
    try {
      constructor = type.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      fail(type.getName() + " has no no-argument constructor and no public static provider()"
          + " method; ServiceLoader needs one of them");
      return;
    }
    assertTrue(Modifier.isPublic(constructor.getModifiers()),
        () -> type.getName() + "'s no-argument constructor must be public for ServiceLoader");
  }

  /** Checks that every parameter has a key-like, unique name and a one-line doc. */
  @Test
  public void parametersAreNamedAndDocumented() {
    List<ParameterSpec> parameters = provider().parameters();
    assertNotNull(parameters, () -> plugin() + ": parameters() returned null; return List.of()");
    Set<String> seen = new HashSet<>();
    for (ParameterSpec p : parameters) {
      assertTrue(PARAMETER_NAME.matcher(p.name()).matches(), () -> plugin() + ": parameter '"
          + p.name() + "' is not a key (lower-case letter, then letters, digits, '_', '-', '.')");
      assertTrue(seen.add(p.name()),
          () -> plugin() + ": parameter '" + p.name() + "' is declared twice");
      assertFalse(p.doc().isBlank(), () -> plugin() + ": parameter '" + p.name()
          + "' has no doc; give it one line saying what it does");
      assertFalse(p.doc().contains("\n"), () -> plugin() + ": parameter '" + p.name()
          + "' has a doc of several lines; `lathe describe` prints one line");
    }
  }

  /**
   * Checks that ranges are declared only on numbers and choices only on strings, and that the
   * kernel accepts every default: it satisfies its own type, range and choices.
   */
  @Test
  public void defaultsSatisfyTheirOwnDeclarations() {
    for (ParameterSpec p : provider().parameters()) {
      assertTrue(p.min() == null && p.max() == null || NUMERIC.contains(p.type()),
          () -> plugin() + ": parameter '" + p.name() + "' of type " + p.type()
              + " declares a range; ranges apply to numbers only");
      assertTrue(p.choices().isEmpty() || TEXTUAL.contains(p.type()),
          () -> plugin() + ": parameter '" + p.name() + "' of type " + p.type()
              + " declares choices; choices apply to strings only");
      if (!p.required()) {
        try {
          ExperimentFiles.settings(provider().info().id(), List.of(p), point().label(), Map.of(),
              folder);
        } catch (LatheException e) {
          fail(plugin() + ": the kernel refuses the default of parameter '" + p.name() + "': "
              + e.getMessage());
        }
      }
    }
  }

  /** Checks that an instance's {@code id()} is the id in the provider's info. */
  @Test
  public void instanceIdMatchesProviderInfo() throws Exception {
    assertEquals(provider().info().id(), instanceId(), () -> plugin()
        + ": the created instance's id() differs from info().id(); return the provider's id");
  }

  private static boolean hasPublicProviderMethod(Class<?> type) {
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().equals("provider") && m.getParameterCount() == 0
          && Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers())
          && PluginProvider.class.isAssignableFrom(m.getReturnType())) {
        return true;
      }
    }
    return false;
  }
}
