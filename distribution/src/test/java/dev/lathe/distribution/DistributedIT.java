package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.testkit.fixtures.SlowEvaluatorProvider;
import dev.lathe.testkit.jar.PluginJar;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor {@code hazelcast} across separate JVMs on loopback: four {@code lathe worker}
 * processes, three with the plugin that the experiment needs and one without, and drivers
 * ({@code lathe run}, {@code lathe resume}) that join them. The workers are started once and
 * shared; the last two tests stop one (SIGTERM) and kill another (SIGKILL).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SERVING = Pattern.compile("Worker (\\S+) serving with (\\d+) slots");
  private static final int TRIALS = 120;

  @TempDir
  static Path dir;

  private static Path plugins;
  private static int port;
  private static String cluster;
  private static final List<Process> workers = new ArrayList<>();
  private static final List<String> addresses = new ArrayList<>();

  @BeforeAll
  static void startWorkers() throws Exception {
    plugins = dir.resolve("plugins");
    PluginJar.withId("fixtures").provider(SlowEvaluatorProvider.class).writeTo(plugins);
    port = freePorts();
    cluster = "lathe-it-" + UUID.randomUUID();
    for (int i = 0; i < 4; i++) {
      boolean withPlugin = i < 3;
      List<String> args = new ArrayList<>(List.of("worker", "--port", Integer.toString(port),
          "--slots", "2", "--cluster-name", cluster));
      if (i > 0) {
        args.addAll(List.of("--join", "127.0.0.1:" + port));
      }
      if (withPlugin) {
        args.addAll(List.of("--plugins-dir", plugins.toString()));
      }
      Path out = dir.resolve("worker" + i + ".out");
      workers.add(Cli.command(dir, args.toArray(String[]::new))
          .redirectOutput(out.toFile()).redirectError(dir.resolve("worker" + i + ".err").toFile())
          .start());
      addresses.add(awaitServing(out, workers.get(i)));
    }
  }

  @AfterAll
  static void stopWorkers() throws InterruptedException {
    for (Process p : workers) {
      p.destroy();
    }
    for (Process p : workers) {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  /** Chosen on the command line: {@code --executor hazelcast --join HOST:PORT}. */
  @Test
  @Order(1)
  void aWorkerWithoutThePluginIsSetAsideWithItsReason() throws Exception {
    Path out = dir.resolve("aside");
    Files.writeString(dir.resolve("aside.yaml"), String.join("\n",
        "experiment: {name: aside, seed: 17}",
        "space: hartmann6",
        "evaluators: [{plugin: slow, delay: 60ms}]",
        "optimizer: random",
        "objectives: [{minimize: value}]",
        "budget: {trials: 30}",
        ""));
    Cli.Result r = Cli.run(dir, "run", "aside.yaml", "--executor", "hazelcast",
        "--join", "127.0.0.1:" + port, "--set", "executor.cluster-name=" + cluster,
        "--set", "executor.port=" + port, "--set", "executor.min-workers=3",
        "--plugins-dir", plugins.toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, r.exit(), r.toString());

    List<JsonNode> records = records(out);
    assertEquals(30, records.size());
    Set<String> used = new HashSet<>();
    for (JsonNode t : records) {
      assertEquals("COMPLETED", t.get("status").asText(), t.toString());
      used.add(t.get("worker").asText());
    }
    String lacking = addresses.get(3);
    assertFalse(used.contains(lacking), "a trial ran on the worker without the plugin");
    assertTrue(addresses.subList(0, 3).containsAll(used), "workers used: " + used);

    JsonNode refused = events(out).stream()
        .filter(e -> e.get("event").asText().equals("worker_refused")).findFirst()
        .orElseThrow(() -> new AssertionError("no worker_refused event"));
    assertEquals(lacking, refused.get("worker").asText());
    assertTrue(refused.get("reason").asText().contains("lacks evaluator 'slow' 0.1.0"),
        refused.toString());
    assertTrue(r.err().contains("Worker " + lacking + " cannot run the trials of 'aside': it"
        + " lacks evaluator 'slow' 0.1.0"), r.toString());
  }

  @Test
  @Order(2)
  void resumeAfterTheDriverIsKilledRecomputesNothing() throws Exception {
    Path out = dir.resolve("crash");
    Process driver = Cli.command(dir, "run", experiment("crash", TRIALS), "--plugins-dir",
        plugins.toString(), "--out", out.toString(), "--quiet").redirectErrorStream(true)
        .redirectOutput(dir.resolve("crash.log").toFile()).start();
    awaitRecords(out, 30, driver);
    driver.destroyForcibly();
    assertTrue(driver.waitFor(10, TimeUnit.SECONDS));
    long before = lines(out.resolve("trials.jsonl"));
    assertTrue(before < TRIALS, "killed mid-run, with " + before + " trials stored");

    Cli.Result resumed = Cli.run(dir, "resume", out.toString(), "--plugins-dir",
        plugins.toString());
    assertEquals(0, resumed.exit(), resumed.toString());
    assertTrue(resumed.errLines().stream()
        .anyMatch(l -> l.startsWith("Resuming 'crash': " + before + " trials stored")),
        resumed.toString());
    Set<String> storedBefore = new HashSet<>();
    records(out).subList(0, (int) before).forEach(t -> storedBefore.add(t.get("id").asText()));
    List<JsonNode> events = events(out);
    int resumedAt = 0;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).get("event").asText().equals("run_resumed")) {
        resumedAt = i;
      }
    }
    List<String> startedAfter = events.subList(resumedAt, events.size()).stream()
        .filter(e -> e.get("event").asText().equals("trial_started"))
        .map(e -> e.get("id").asText()).toList();
    assertEquals(TRIALS - before, startedAfter.size(), "trials started after the resume");
    startedAfter.forEach(id -> assertFalse(storedBefore.contains(id),
        "trial " + id + ", stored before the crash, ran again"));
    assertEachTrialOnce(out, TRIALS);
  }

  @Test
  @Order(3)
  void aWorkerStoppedMidRunHandsItsTrialsBack() throws Exception {
    Path out = dir.resolve("stop");
    Path log = dir.resolve("stop.log");
    Process driver = Cli.command(dir, "run", experiment("stop", TRIALS), "--plugins-dir",
        plugins.toString(), "--out", out.toString(), "--quiet").redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    awaitRecords(out, 30, driver);
    Process stopped = workers.get(1);
    stopped.destroy();
    assertTrue(stopped.waitFor(30, TimeUnit.SECONDS), "the worker did not stop on SIGTERM");
    assertTrue(driver.waitFor(2, TimeUnit.MINUTES), "the run did not end");
    assertEquals(0, driver.exitValue(), Files.readString(log));

    assertEachTrialOnce(out, TRIALS);
    String address = addresses.get(1);
    assertTrue(events(out).stream().anyMatch(e -> address.equals(e.path("worker").asText())
        && (e.get("event").asText().equals("worker_left")
            || e.get("event").asText().equals("worker_refused"))),
        "no event says that " + address + " left");
    assertTrue(read(dir.resolve("worker1.out")).contains("Worker " + address + " stopped."),
        read(dir.resolve("worker1.out")));
  }

  @Test
  @Order(4)
  void aWorkerKilledMidRunLosesNoTrialAndRunsNoneTwice() throws Exception {
    Path out = dir.resolve("kill");
    Path log = dir.resolve("kill.log");
    Process driver = Cli.command(dir, "run", experiment("kill", TRIALS, 2), "--plugins-dir",
        plugins.toString(), "--out", out.toString(), "--quiet").redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    awaitRecords(out, 30, driver);
    Process victim = workers.get(2);
    victim.destroyForcibly();
    assertTrue(victim.waitFor(10, TimeUnit.SECONDS));
    assertEquals(137, victim.exitValue(), "killed by SIGKILL");
    assertTrue(driver.waitFor(2, TimeUnit.MINUTES), "the run did not end");
    assertEquals(0, driver.exitValue(), Files.readString(log));

    assertEachTrialOnce(out, TRIALS);
    String killed = addresses.get(2);
    List<JsonNode> events = events(out);
    assertTrue(events.stream().anyMatch(e -> e.get("event").asText().equals("worker_left")
        && e.get("worker").asText().equals(killed)), "no worker_left event for " + killed);
    List<JsonNode> resubmitted = events.stream()
        .filter(e -> e.get("event").asText().equals("trial_resubmitted")).toList();
    assertFalse(resubmitted.isEmpty(), "no trial_resubmitted event");
    Map<String, String> finalWorker = new HashMap<>();
    for (JsonNode t : records(out)) {
      finalWorker.put(t.get("id").asText(), t.get("worker").asText());
    }
    for (JsonNode e : resubmitted) {
      assertEquals(killed, e.get("worker").asText(), e.toString());
      String id = e.get("id").asText();
      assertTrue(finalWorker.containsKey(id), "re-submitted trial " + id + " has no record");
      assertFalse(finalWorker.get(id).equals(killed),
          "re-submitted trial " + id + " was recorded from the killed worker");
    }
  }

  /** The trial log holds {@code trials} distinct completed trials, each finished exactly once. */
  private static void assertEachTrialOnce(Path out, int trials) throws IOException {
    List<JsonNode> records = records(out);
    Set<String> ids = new HashSet<>();
    for (JsonNode t : records) {
      ids.add(t.get("id").asText());
      assertEquals("COMPLETED", t.get("status").asText(), t.toString());
    }
    assertEquals(trials, records.size());
    assertEquals(trials, ids.size());
    Map<String, Integer> finished = new HashMap<>();
    for (JsonNode e : events(out)) {
      String event = e.get("event").asText();
      if (event.equals("trial_finished")) {
        finished.merge(e.get("id").asText(), 1, Integer::sum);
      } else if (event.equals("trial_started")) {
        assertFalse(finished.containsKey(e.get("id").asText()),
            "trial " + e.get("id") + " started again after it finished");
      }
    }
    assertEquals(trials, finished.size());
    finished.forEach((id, n) -> assertEquals(1, n, "trial " + id + " finished " + n + " times"));
  }

  /** Writes the experiment file {@code name}.yaml; returns its name. */
  private static String experiment(String name, int trials) throws IOException {
    return experiment(name, trials, 3);
  }

  /** Writes {@code name}.yaml, whose driver waits for {@code minWorkers}; returns its name. */
  private static String experiment(String name, int trials, int minWorkers) throws IOException {
    String file = name + ".yaml";
    Files.writeString(dir.resolve(file), String.join("\n",
        "experiment: {name: " + name + ", seed: 17}",
        "space: hartmann6",
        "evaluators: [{plugin: slow, delay: 60ms}]",
        "optimizer: random",
        "objectives: [{minimize: value}]",
        "budget: {trials: " + trials + "}",
        "executor:",
        "  plugin: hazelcast",
        "  members: [127.0.0.1:" + port + "]",
        "  cluster-name: " + cluster,
        "  port: " + port,
        "  min-workers: " + minWorkers,
        "  join-timeout: 60s",
        ""));
    return file;
  }

  private static String awaitServing(Path out, Process worker) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      assertTrue(worker.isAlive(), () -> "worker ended: " + read(out));
      Matcher m = SERVING.matcher(read(out));
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("worker did not start within 90 s: " + read(out));
  }

  private static void awaitRecords(Path out, int n, Process driver) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (lines(out.resolve("trials.jsonl")) < n) {
      assertTrue(driver.isAlive(), "the run ended before it was killed");
      assertTrue(System.nanoTime() < deadline, "no progress");
      Thread.sleep(5);
    }
  }

  private static List<JsonNode> records(Path out) throws IOException {
    List<JsonNode> list = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("trials.jsonl"))) {
      list.add(JSON.readTree(line));
    }
    return list;
  }

  private static List<JsonNode> events(Path out) throws IOException {
    List<JsonNode> list = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("events.jsonl"))) {
      list.add(JSON.readTree(line));
    }
    return list;
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static long lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file).chars().filter(c -> c == '\n').count() : 0;
  }

  /** The first of 20 ports on 127.0.0.1 that are free now, at random in 20000–40000. */
  private static int freePorts() throws IOException {
    Random random = new Random();
    for (int tries = 0; tries < 100; tries++) {
      int first = 20000 + random.nextInt(20000);
      boolean free = true;
      for (int p = first; p < first + 20 && free; p++) {
        try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getByName("127.0.0.1"))) {
          s.setReuseAddress(true);
        } catch (IOException e) {
          free = false;
        }
      }
      if (free) {
        return first;
      }
    }
    throw new IOException("no 20 free ports on 127.0.0.1 in 100 tries");
  }
}
