package dev.lathe.distribution;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of docs/architecture.md, checked over every Lathe class. */
class ArchitectureTest {

  private static JavaClasses lathe;

  @BeforeAll
  static void importClasses() {
    lathe = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.lathe");
  }

  private static void check(ArchRule rule) {
    rule.check(lathe);
  }

  @Test
  void everyModuleIsPresent() {
    for (String p : new String[] {"dev.lathe.api", "dev.lathe.core", "dev.lathe.testkit",
        "dev.lathe.nd4j", "dev.lathe.plugin.baselines", "dev.lathe.plugin.zoo",
        "dev.lathe.plugin.training", "dev.lathe.registry", "dev.lathe.plugin.chainsplitter",
        "dev.lathe.plugin.sparch", "dev.lathe.plugin.ofa", "dev.lathe.hazelcast",
        "dev.lathe.plugin.spanner", "dev.lathe.plugin.micronet",
        "dev.lathe.plugin.gcnrl"}) {
      if (lathe.stream().noneMatch(c -> c.getPackageName().startsWith(p))) {
        throw new AssertionError("no classes of " + p + " were imported; the rules would be void");
      }
    }
  }

  @Test
  void modulesAreFreeOfCycles() {
    check(slices().matching("dev.lathe.(*)..").should().beFreeOfCycles());
  }

  @Test
  void apiPackagesAreFreeOfCycles() {
    check(slices().matching("dev.lathe.api.(*)..").should().beFreeOfCycles());
  }

  @Test
  void kernelInternalsAreFreeOfCycles() {
    check(slices().matching("dev.lathe.core.internal.(*)..").should().beFreeOfCycles());
  }

  @Test
  void apiDependsOnNoOtherLatheModule() {
    check(noClasses().that().resideInAPackage("dev.lathe.api..").should()
        .dependOnClassesThat().resideInAnyPackage("dev.lathe.core..", "dev.lathe.testkit..",
            "dev.lathe.plugin..", "dev.lathe.benchmarks.."));
  }

  @Test
  void registryIsFreeOfTheKernel() {
    check(noClasses().that().resideInAPackage("dev.lathe.registry..").should()
        .dependOnClassesThat().resideInAnyPackage("dev.lathe.core..", "dev.lathe.testkit..",
            "dev.lathe.plugin.."));
  }

  @Test
  void pluginsUseOnlyTheApi() {
    check(noClasses().that().resideInAPackage("dev.lathe.plugin..").should()
        .dependOnClassesThat().resideInAnyPackage("dev.lathe.core..", "dev.lathe.testkit..",
            "..internal.."));
  }

  @Test
  void pluginsDoNotDependOnEachOther() {
    check(slices().matching("dev.lathe.plugin.(*)..").should().notDependOnEachOther());
  }

  /**
   * The one exception, {@code StandardOutputRouting} of the ND4J support module, prints nothing:
   * it takes the lines that SameDiff prints unconditionally off standard output into SLF4J.
   */
  @Test
  void onlyTheCommandLinePrints() {
    check(noClasses().that().resideOutsideOfPackage("dev.lathe.core.internal.cli..")
        .and().doNotHaveFullyQualifiedName("dev.lathe.nd4j.internal.StandardOutputRouting")
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS));
  }

  @Test
  void loggingGoesThroughSlf4j() {
    check(GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING);
  }

  @Test
  void exportedTypesDeclareTheirStability() {
    check(classes().that().resideInAnyPackage("dev.lathe.api..", "dev.lathe.core",
            "dev.lathe.testkit..", "dev.lathe.registry..")
        .and().arePublic().and().areTopLevelClasses()
        .and().doNotHaveSimpleName("package-info")
        .should().beAnnotatedWith(API.class));
  }
}
