package dev.lathe.hazelcast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.ExperimentListener;
import dev.lathe.core.ExperimentResult;
import dev.lathe.core.Lathe;
import dev.lathe.core.LatheException;
import dev.lathe.core.Worker;
import dev.lathe.testkit.fixtures.SlowEvaluatorProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A driver and three workers in one JVM, through the kernel's own API: two workers have the
 * evaluator the experiment needs and one lacks it; one capable worker crashes mid-run.
 */
class ClusterRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Lathe withSlow;
  private static Lathe without;
  private static final List<Worker> workers = new ArrayList<>();
  private static int port;
  private static String cluster;

  @TempDir
  Path dir;

  @BeforeAll
  static void startWorkers() {
    withSlow = Lathe.open(null, List.of(new SlowEvaluatorProvider()));
    without = Lathe.open(null, List.of());
    port = Ports.freeRange();
    cluster = Ports.clusterName();
    List<String> common = List.of("port=" + port, "cluster-name=" + cluster, "slots=2");
    workers.add(withSlow.startWorker("hazelcast", common));
    List<String> joining = new ArrayList<>(common);
    joining.add("members=127.0.0.1:" + port);
    workers.add(withSlow.startWorker("hazelcast", joining));
    workers.add(without.startWorker("hazelcast", joining));
  }

  @AfterAll
  static void stopWorkers() {
    workers.forEach(Worker::close);
    withSlow.close();
    without.close();
  }

  @Test
  void trialsGoToCapableWorkersAndSurviveACrash() throws IOException {
    assertEquals(3, workers.get(2).members().size(), "the three workers formed one cluster");
    String crashed = workers.get(1).address();
    AtomicBoolean crash = new AtomicBoolean(true);
    ExperimentResult result = withSlow.newExperiment().name("cluster").seed(3)
        .space("hartmann6", Map.of()).evaluator("slow", Map.of("delay", "30ms"))
        .optimizer("random").minimize("value").trials(60).batch(8)
        .executor("hazelcast", Map.of("members", List.of("127.0.0.1:" + port),
            "cluster-name", cluster, "port", port, "min-workers", 2))
        .output(dir.resolve("out"))
        .listener(new ExperimentListener() {
          @Override
          public void trialFinished(TrialRecord record, boolean reused, long finished,
              OptionalDouble best) {
            if (finished == 20 && crash.getAndSet(false)) {
              member(crashed).getLifecycleService().terminate();
            }
          }
        })
        .run();

    assertEquals(60, result.trials().size());
    Set<String> ids = new HashSet<>();
    for (TrialRecord r : result.trials()) {
      assertTrue(r.completed(), r.toString());
      assertFalse(r.worker().equals(workers.get(2).address()), "ran on the worker without 'slow'");
      ids.add(r.trialId());
    }
    assertEquals(60, ids.size());

    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("out").resolve("events.jsonl"))) {
      events.add(JSON.readTree(line));
    }
    assertTrue(events.stream().anyMatch(e -> e.get("event").asText().equals("worker_refused")
        && e.get("worker").asText().equals(workers.get(2).address())
        && e.get("reason").asText().equals("lacks evaluator 'slow' 0.1.0 (evaluators(0))")),
        "no worker_refused event with the reason");
    assertTrue(events.stream().anyMatch(e -> e.get("event").asText().equals("trial_resubmitted")
        && e.get("worker").asText().equals(crashed)), "no trial_resubmitted event");
    assertTrue(events.stream().anyMatch(e -> e.get("event").asText().equals("worker_left")
        && e.get("worker").asText().equals(crashed)), "no worker_left event");
  }

  @Test
  void aDriverWithoutEnoughCapableWorkersSaysWhy() {
    LatheException e = assertThrows(LatheException.class, () -> without.newExperiment()
        .name("few").space("hartmann6", Map.of()).evaluator("hartmann6").optimizer("random")
        .minimize("value").trials(4)
        .executor("hazelcast", Map.of("members", List.of("127.0.0.1:" + port),
            "cluster-name", cluster, "port", port, "min-workers", 5, "join-timeout", "2s"))
        .run());
    assertTrue(e.getMessage().contains("workers able to run 'few' joined cluster '" + cluster
        + "'"), e.getMessage());
  }

  @Test
  void aLocalExecutorCannotServeAsAWorker() {
    LatheException e = assertThrows(LatheException.class,
        () -> without.startWorker("local", List.of()));
    assertEquals("executor 'local' runs trials in the driver's JVM only; a worker needs a"
        + " distributed executor; distributed executors: hazelcast", e.getMessage());
  }

  private static HazelcastInstance member(String address) {
    return Hazelcast.getAllHazelcastInstances().stream()
        .filter(h -> {
          var a = h.getCluster().getLocalMember().getAddress();
          return (a.getHost() + ":" + a.getPort()).equals(address);
        })
        .findFirst().orElseThrow();
  }
}
