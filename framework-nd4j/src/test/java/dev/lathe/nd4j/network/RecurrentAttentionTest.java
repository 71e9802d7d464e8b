package dev.lathe.nd4j.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Shape;
import dev.lathe.nd4j.Nd4jRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Causal self-attention over a window of {@code C} positions with the previous segment's keys
 * and values, against a hand computation on 2-wide vectors.
 */
class RecurrentAttentionTest {

  /** One head of width 2, window of 3 positions (2 remembered), no biases. */
  private static Network attention(int segment) {
    return Network.builder("rec").input("x", Shape.of(segment, 2))
        .add("att", new MultiHeadAttention(2, 1, 2, 3, false, false))
        .build();
  }

  /** Identity projections and the positional term p = [[0, 0], [1, 0], [0, 2]]. */
  private static SameDiffNetwork handSet(int segment) {
    SameDiffNetwork net = SameDiffNetwork.build(attention(segment), 7);
    for (String w : List.of("q", "k", "v", "out")) {
      net.parameter("att/" + w + "/weight").assign(Nd4j.eye(2).castTo(DataType.FLOAT));
    }
    net.parameter("att/position").assign(Nd4j.createFromArray(new float[][] {{0, 0}, {1, 0},
        {0, 2}}));
    return net;
  }

  private static final double[][] X = {{1, 0}, {0, 1}, {1, 1}, {2, 0}};

  private static INDArray segment(int from, int to) {
    float[][] rows = new float[to - from][];
    for (int i = from; i < to; i++) {
      rows[i - from] = new float[] {(float) X[i][0], (float) X[i][1]};
    }
    return Nd4j.createFromArray(new float[][][] {rows});
  }

  /**
   * The hand computation: position {@code t} attends to positions {@code max(0, t−2) … t} with
   * scores {@code (x_t·x_s + x_t·p[t−s]) / √2} and returns the softmax-weighted {@code x_s}.
   */
  private static double[] expected(int t) {
    double[][] p = {{0, 0}, {1, 0}, {0, 2}};
    List<Double> scores = new ArrayList<>();
    for (int s = Math.max(0, t - 2); s <= t; s++) {
      scores.add((dot(X[t], X[s]) + dot(X[t], p[t - s])) / Math.sqrt(2));
    }
    double max = scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double total = scores.stream().mapToDouble(v -> Math.exp(v - max)).sum();
    double[] out = new double[2];
    int i = 0;
    for (int s = Math.max(0, t - 2); s <= t; s++, i++) {
      double w = Math.exp(scores.get(i) - max) / total;
      out[0] += w * X[s][0];
      out[1] += w * X[s][1];
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1];
  }

  private static double[] row(INDArray out, int t) {
    return new double[] {out.getDouble(0, t, 0), out.getDouble(0, t, 1)};
  }

  @Test
  void theFirstSegmentIsCausalAndMatchesTheHandComputation() {
    INDArray out = handSet(2).predict(Map.of("x", segment(0, 2))).get("att");
    assertArrayEquals(new double[] {1, 0}, row(out, 0), 1e-6, "position 0 sees only itself");
    // Position 1: scores (0 + 0)/√2 for s = 0 (x1·x0 = 0, x1·p[1] = 0) and (1 + 0)/√2 for s = 1.
    double w0 = 1 / (1 + Math.exp(1 / Math.sqrt(2)));
    assertArrayEquals(new double[] {w0, 1 - w0}, row(out, 1), 1e-6);
    assertArrayEquals(expected(1), row(out, 1), 1e-6);
  }

  @Test
  void theSecondSegmentAttendsToTheRememberedKeysAndValues() {
    SameDiffNetwork net = handSet(2);
    List<String> names = new ArrayList<>(net.memoryOutputs());
    names.add("att");
    SegmentMemory memory = net.emptyMemory(1);
    Map<String, INDArray> first = run(net, memory, segment(0, 2), names);
    memory = memory.next(first);
    assertArrayEquals(new float[] {1, 1}, memory.placeholders().get("att/memory_valid").data()
        .asFloat());
    INDArray second = run(net, memory, segment(2, 4), names).get("att");
    // Position 2 sees positions 0, 1, 2; position 3 sees 1, 2, 3 (a window of 3).
    for (int t = 2; t < 4; t++) {
      assertArrayEquals(expected(t), row(second, t - 2), 1e-6, "position " + t);
    }
  }

  @Test
  void twoSegmentsWithMemoryEqualOneSegmentOfTheirLength() {
    SameDiffNetwork whole = SameDiffNetwork.build(attention(4), 3);
    SameDiffNetwork halves = SameDiffNetwork.build(attention(2), 3);
    INDArray expected = whole.predict(Map.of("x", segment(0, 4))).get("att");
    List<String> names = new ArrayList<>(halves.memoryOutputs());
    names.add("att");
    SegmentMemory memory = halves.emptyMemory(1);
    Map<String, INDArray> first = run(halves, memory, segment(0, 2), names);
    INDArray second = run(halves, memory.next(first), segment(2, 4), names).get("att");
    INDArray joined = Nd4j.concat(1, first.get("att"), second);
    assertArrayEquals(expected.data().asFloat(), joined.data().asFloat(), 1e-5f);
  }

  @Test
  void gradientsReachThePositionalTermButNotThePreviousSegment() {
    SameDiffNetwork net = handSet(2);
    SDVariable loss = net.graph().getVariable("att").sum();
    net.graph().setLossVariables(loss);
    Nd4jRuntime.createGradFunction(net.graph());
    SegmentMemory memory = net.emptyMemory(1).next(run(net, net.emptyMemory(1), segment(0, 2),
        net.memoryOutputs()));
    Map<String, INDArray> feed = new HashMap<>(memory.placeholders());
    feed.put("x", segment(2, 4));
    Map<String, INDArray> gradients = net.graph().calculateGradients(feed,
        List.of("att/position", "att/k/weight"));
    assertTrue(gradients.get("att/position").amaxNumber().doubleValue() > 0);
    assertTrue(net.graph().getVariable("att/memory_keys").isPlaceHolder(),
        "the memory is a placeholder: no gradient flows into the previous segment");
  }

  @Test
  void theParametersAreTheProjectionsAndThePositionalTerm() {
    SameDiffNetwork net = SameDiffNetwork.build(attention(2), 1);
    assertEquals(List.of("att/k/weight", "att/out/weight", "att/position", "att/q/weight",
        "att/v/weight"), net.parameterNames());
    assertEquals(List.of("att"), net.memoryNodes());
    assertEquals(4 * 2 * 2 + 3 * 2, net.parameterCount());
  }

  @Test
  void aMissingNextMemoryIsNamed() {
    SameDiffNetwork net = SameDiffNetwork.build(attention(2), 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> net.emptyMemory(1).next(Map.of()));
    assertEquals("the outputs lack 'att/next_keys', the next memory of attention node 'att'",
        e.getMessage());
  }

  private static Map<String, INDArray> run(SameDiffNetwork net, SegmentMemory memory,
      INDArray x, List<String> names) {
    Map<String, INDArray> feed = new HashMap<>(memory.placeholders());
    feed.put("x", x);
    return net.graph().output(feed, names.toArray(String[]::new));
  }
}
