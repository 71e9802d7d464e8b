package dev.lathe.core.internal.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.core.LatheException;
import dev.lathe.core.internal.report.Summary.Front;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;

  @Test
  void singleObjectiveReport() throws IOException {
    List<Path> files = ReportWriter.write(folder, Trials.singleObjective());
    assertEquals(List.of("trials.csv", "summary.json", "summary.md", "history.png"), names(files));
    assertPng(folder.resolve("history.png"));

    JsonNode summary = JSON.readTree(folder.resolve("summary.json").toFile());
    assertEquals("tiny", summary.get("experiment").asText());
    assertEquals("minimize", summary.at("/objectives/0/direction").asText());
    assertEquals("latency_ms <= 25.0", summary.at("/constraints/0").asText());
    assertEquals(JSON.readTree("{\"total\":10,\"completed\":7,\"failed\":3,\"infeasible\":2,"
        + "\"unscored\":1,\"feasible\":4}"), summary.get("counts"));
    assertEquals(4, summary.at("/best/number").asLong());
    assertEquals("t4", summary.at("/best/trial_id").asText());
    assertEquals(0.4, summary.at("/best/value").asDouble());
    assertEquals(JSON.readTree("{\"lr\":0.05,\"layers\":4}"), summary.at("/best/candidate"));
    assertEquals(JSON.readTree("{\"value\":25.0,\"unit\":\"ms\",\"origin\":\"measured\"}"),
        summary.at("/best/metrics/latency_ms"));
    assertEquals(0.4, summary.at("/best_so_far/final").asDouble());
    assertEquals(3, summary.at("/best_so_far/improvements").asInt());
    assertTrue(summary.at("/pareto_front").isMissingNode());
    assertEquals(JSON.readTree("{\"unit\":\"ms\",\"origins\":[\"measured\"],\"count\":6,"
        + "\"min\":5.0,\"median\":15.0,\"max\":30.0}"), summary.at("/metrics/latency_ms"));
    assertEquals(JSON.readTree("[\"predicted\",\"measured\"]"),
        summary.at("/metrics/loss/origins"));
    assertEquals(Trials.OOM, summary.at("/failures/0/reason").asText());
    assertEquals(2, summary.at("/failures/0/count").asInt());
    assertEquals(2, summary.at("/failures/0/first_trial").asInt());
    assertEquals(5, summary.at("/failures/1/first_trial").asInt());

    String md = Files.readString(folder.resolve("summary.md"));
    assertTrue(md.startsWith("# Report: tiny\n"), md);
    assertTrue(md.contains("| 10 | 7 | 3 | 2 | 1 | 4 |"), md);
    assertTrue(md.contains("Trial 4 (`t4`): `loss` = 0.4. The best-so-far curve improved 3 times"
        + " and ends at 0.4."), md);
    assertTrue(md.contains("| latency_ms | ms | measured | 6 | 5 | 15 | 30 |"), md);
    assertTrue(md.contains("| 2 | " + Trials.OOM + " | 2 |"), md);
  }

  @Test
  void twoObjectiveReport() throws IOException {
    List<Path> files = ReportWriter.write(folder, Trials.twoObjectives());
    assertEquals(List.of("trials.csv", "summary.json", "summary.md", "history-accuracy.png",
        "history-latency_ms.png", "pareto.png"), names(files));
    for (Path png : files.subList(3, 6)) {
      assertPng(png);
    }
    JsonNode front = JSON.readTree(folder.resolve("summary.json").toFile()).get("pareto_front");
    assertEquals(JSON.readTree("{\"accuracy\":57.0,\"latency_ms\":43.0}"),
        front.get("reference_point"));
    assertEquals(689.0, front.get("hypervolume").asDouble(), 1e-9);
    assertTrue(front.get("reference_rule").asText().contains("plus 10% of their range"));
    assertEquals(List.of(3L, 1L, 0L), front.findValues("number").stream()
        .map(JsonNode::asLong).toList());
    assertEquals(JSON.readTree("{\"accuracy\":90.0,\"latency_ms\":40.0}"),
        front.at("/trials/0/values"));

    String md = Files.readString(folder.resolve("summary.md"));
    assertTrue(md.contains("3 of 6 feasible trials are on the front. Hypervolume: 689, with"
        + " respect to the reference point (`accuracy` = 57, `latency_ms` = 43)."), md);
    assertTrue(md.contains("| 3 | `t3` | 90 | 40 |"), md);
  }

  @Test
  void rewritingGivesTheSameFilesAndRemovesPlotsOfAnEarlierReport() throws IOException {
    ReportWriter.write(folder, Trials.twoObjectives());
    byte[] csv = Files.readAllBytes(folder.resolve("trials.csv"));
    byte[] json = Files.readAllBytes(folder.resolve("summary.json"));
    byte[] md = Files.readAllBytes(folder.resolve("summary.md"));
    ReportWriter.write(folder, Trials.twoObjectives());
    assertArrayEquals(csv, Files.readAllBytes(folder.resolve("trials.csv")));
    assertArrayEquals(json, Files.readAllBytes(folder.resolve("summary.json")));
    assertArrayEquals(md, Files.readAllBytes(folder.resolve("summary.md")));

    Files.writeString(folder.resolve("notes.txt"), "mine");
    ReportWriter.write(folder, Trials.singleObjective());
    try (Stream<Path> left = Files.list(folder)) {
      assertEquals(List.of("history.png", "notes.txt", "summary.json", "summary.md",
          "trials.csv"), left.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void inputFromAProblem() {
    SearchSpace space = new SearchSpace() {
      @Override
      public String id() {
        return "grid";
      }

      @Override
      public List<Dimension> dimensions() {
        return List.of(RealDimension.of("lr", 0.001, 1), IntegerDimension.of("layers", 1, 8));
      }
    };
    ReportInput single = Trials.singleObjective();
    ReportInput input = ReportInput.of("tiny",
        new Problem(space, single.objectives(), single.constraints()), single.records());
    assertEquals(single, input);
  }

  @Test
  void failureNamesTheFolder() throws IOException {
    Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
    LatheException e = assertThrows(LatheException.class,
        () -> ReportWriter.write(file, Trials.singleObjective()));
    assertEquals(LatheException.Kind.IO, e.kind());
    assertTrue(e.getMessage().startsWith("cannot write the report at " + file + ": "),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void chartsAreDrawnHeadless() {
    ReportWriter.write(folder, Trials.singleObjective());
    assertEquals("true", System.getProperty("java.awt.headless"));
  }

  @Test
  void paretoChartNeedsTwoObjectives() {
    TrialAnalysis single = TrialAnalysis.of(Trials.singleObjective());
    Front none = new Front(List.of(), List.of(), OptionalDouble.empty());
    assertEquals("a Pareto chart needs two objectives, 'tiny' has 1", assertThrows(
        IllegalArgumentException.class, () -> ParetoChart.of(single, none)).getMessage());
  }

  static void assertPng(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(Charts.WIDTH, image.getWidth(), file.toString());
    assertEquals(Charts.HEIGHT, image.getHeight(), file.toString());
  }

  private static List<String> names(List<Path> files) {
    return files.stream().map(p -> p.getFileName().toString()).toList();
  }
}
