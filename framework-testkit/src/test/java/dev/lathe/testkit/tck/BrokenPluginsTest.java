package dev.lathe.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs each contract on a plugin that breaks one promise and checks that exactly the tests of
 * that promise fail, with a message that names the plugin and what broke.
 */
class BrokenPluginsTest {

  @Test
  void crossoverFromNeitherParentFailsOnlyTheCrossoverTest() {
    assertFailures(BrokenPlugins.ForeignCrossoverSpaceContract.class, 17, Map.of(
        "crossoverTakesEachValueFromAParent", "comes from neither parent"));
  }

  @Test
  void structureGivingADimensionTwiceIsCaught() {
    assertFailures(BrokenPlugins.TangledStructureSpaceContract.class, 17, Map.of(
        "structureOwnsDimensionsOfTheSpace",
        "structure() gives dimension 'width' to more than one vertex"));
  }

  @Test
  void violationThatAcceptsEverythingIsCaught() {
    assertFailures(BrokenPlugins.LenientSpaceContract.class, 17, Map.of(
        "violationRejectsCandidatesOutsideTheSpace", "but the candidate lacks dimension"));
  }

  @Test
  void optimizerIgnoringItsSeedFailsDeterminismAndResume() {
    assertFailures(BrokenPlugins.UnseededSearchContract.class, 12, Map.of(
        "sameSeedGivesSameCandidates", "draw every random number from context.random()",
        "checkpointRestoreContinuesIdentically", "replaying the same asks and tells"));
  }

  @Test
  void optimizerAskingFewerThanRequestedIsCaught() {
    assertFailures(BrokenPlugins.ShortBatchSearchContract.class, 12, Map.of(
        "askReturnsExactlyTheRequestedNumberOfValidCandidates",
        "returned 8 candidates; it must return exactly 16",
        "handlesBatchesToldOutOfOrder", "it must return exactly 16",
        "sameSeedGivesSameCandidates", "it must return exactly 16",
        "checkpointRestoreContinuesIdentically", "it must return exactly 16"));
  }

  @Test
  void evaluatorOmittingAPromisedMetricIsCaught() {
    assertFailures(BrokenPlugins.ForgetfulEvaluatorContract.class, 11, Map.of(
        "returnsEveryProducedMetric", "without 'norm', which produces() promises",
        "evaluatesFromSeveralThreadsAtOnce", "without 'norm'"));
  }

  @Test
  void evaluatorWithUnseededNoiseFailsDeterminism() {
    assertFailures(BrokenPlugins.NoisyEvaluatorContract.class, 11, Map.of(
        "sameCandidateAndSeedGiveSameMetrics", "override stochastic()",
        "evaluatesFromSeveralThreadsAtOnce", "from another thread at the same time"));
  }

  @Test
  void evaluatorDeclaredStochasticPassesWithNoise() {
    assertFailures(BrokenPlugins.DeclaredStochasticEvaluatorContract.class, 11, Map.of());
  }

  @Test
  void compressorThatGrowsTheModelIsCaught() {
    assertFailures(BrokenPlugins.InflatingCompressorContract.class, 12, Map.of(
        "compressedModelIsNoLarger", "compressing 16 parameters gave 32",
        "worksAsAStepOfAChain", "turned 16 parameters into 64"));
  }

  @Test
  void acceleratorOverclaimingSupportIsCaught() {
    assertFailures(BrokenPlugins.OverclaimingAcceleratorContract.class, 11, Map.of(
        "supportsIsConsistentWithEstimate", "supports() accepts a 'lathe-tck-unknown' workload"));
  }

  @Test
  void networksThatDriftOrRefuseWithoutTheKeyAreCaught() {
    assertFailures(BrokenPlugins.DriftingNetworkContract.class, 10, Map.of(
        "theSameSettingsDescribeTheSameNetwork", "have different nodes",
        "invalidSettingsAreRefusedNamingTheKey", "which does not name the key"));
  }

  @Test
  void sloppyProviderDeclarationsAreCaught() {
    assertFailures(BrokenPlugins.SloppyGraphContract.class, 10, Map.of(
        "providerIsLoadableByServiceLoader", "must be public for ServiceLoader",
        "parametersAreNamedAndDocumented", "parameter 'source' has no doc",
        "defaultsSatisfyTheirOwnDeclarations", "the kernel refuses the default of parameter"
            + " 'source': plugin 'tck-bfs-hops' declares an invalid default for 'source': 99 is"
            + " outside the allowed range [0, 10]"));
  }

  @Test
  void storeKeepingDuplicateTrialIdsIsCaught() {
    assertFailures(BrokenPlugins.DuplicatingStoreContract.class, 13, Map.of(
        "duplicateTrialIdIsRefused", "returned true; it must return false",
        "duplicateTrialIdIsRefusedAfterReopen", "a resumed experiment would store it twice"));
  }

  @Test
  void executorLettingFailuresEscapeIsCaught() {
    assertFailures(BrokenPlugins.LeakyExecutorContract.class, 15, Map.of(
        "exceptionBecomesFailedOutcome", "completed exceptionally",
        "outOfMemoryBecomesFailedOutcome", "completed exceptionally",
        "failuresDoNotStopTheExecutor", "it must complete normally, with a failed outcome"));
  }

  @Test
  void reproductionRepeatingAClaimIsCaught() {
    assertFailures(BrokenPlugins.RepeatedClaimContract.class, 9, Map.of(
        "claimsAreDescribedWithUniqueIds", "claim id 'mixed-space-size' is used twice"));
  }

  /**
   * Runs {@code contract} and checks that it ran {@code tests} tests, that exactly the keys of
   * {@code failures} failed, each with an {@link AssertionError} whose message contains the value.
   */
  private static void assertFailures(Class<?> contract, int tests, Map<String, String> failures) {
    Events events = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(contract))
        .execute()
        .testEvents();
    assertEquals(tests, events.finished().count(), contract.getSimpleName() + " ran "
        + events.finished().count() + " tests");
    assertEquals(0, events.skipped().count() + events.aborted().count(),
        contract.getSimpleName() + " skipped or aborted tests");
    Map<String, Throwable> failed = new TreeMap<>();
    events.failed().stream().forEach(e -> failed.put(method(e), cause(e)));
    assertEquals(new TreeSet<>(failures.keySet()), new TreeSet<>(failed.keySet()),
        contract.getSimpleName() + " failed other tests than expected: " + failed);
    failures.forEach((test, fragment) -> {
      Throwable t = failed.get(test);
      assertTrue(t instanceof AssertionError, test + " failed with " + t);
      assertTrue(t.getMessage().contains(fragment),
          test + "'s message lacks '" + fragment + "': " + t.getMessage());
      assertTrue(t.getMessage().startsWith("plugin '") || t.getMessage().contains("Provider"),
          test + "'s message does not name the plugin: " + t.getMessage());
    });
  }

  private static String method(Event event) {
    return ((MethodSource) event.getTestDescriptor().getSource().orElseThrow()).getMethodName();
  }

  private static Throwable cause(Event event) {
    return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

}
