package dev.lathe.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkTest {

  /** conv → bn → relu → (residual) conv → add → pool → flatten → linear. */
  static Network residual() {
    return Network.builder("residual")
        .input("image", Shape.of(3, 8, 8))
        .add("stem", Convolution.conv2d(3, 4, 3).withSamePadding().withBias(false))
        .add("bn", Normalization.batch(4))
        .add("relu", Activation.RELU)
        .add("conv", Convolution.conv2d(4, 4, 3).withSamePadding().withBias(false))
        .add("add", Elementwise.ADD, "conv", "relu")
        .add("pool", Pooling.globalAvg())
        .add("flat", new Flatten())
        .add("fc", Linear.of(4, 10))
        .build();
  }

  @Test
  void nodesReadTheTensorAddedLastUnlessToldAndShapesAreInferred() {
    Network n = residual();
    assertEquals("residual", n.name());
    assertEquals(Map.of("image", Shape.of(3, 8, 8)), n.inputs());
    assertEquals(List.of("stem", "bn", "relu", "conv", "add", "pool", "flat", "fc"),
        n.nodes().stream().map(Node::name).toList());
    assertEquals(List.of("image"), n.node("stem").inputs());
    assertEquals(List.of("conv", "relu"), n.node("add").inputs());
    assertEquals(Shape.of(4, 1, 1), n.node("pool").shape());
    assertEquals(Shape.of(10), n.shape("fc"));
    assertEquals(Shape.of(3, 8, 8), n.shape("image"));
    assertEquals(List.of(Shape.of(4, 8, 8), Shape.of(4, 8, 8)), n.inputShapes(n.node("add")));
    assertEquals(List.of("fc"), n.outputs());
    assertEquals(108 + 8 + 144 + 50, n.parameters());
    assertEquals(NodeAttributes.DEFAULT, n.node("fc").attributes());
    assertEquals("network", n.kind());
    assertEquals("Network[residual, inputs {image=[3, 8, 8]}, 8 nodes, outputs [fc]]",
        n.toString());
    assertEquals("network 'residual' has no node 'nope'",
        assertThrows(NoSuchElementException.class, () -> n.node("nope")).getMessage());
  }

  @Test
  void aShapeThatDoesNotFitNamesTheNetworkTheNodeTheLayerAndTheShapes() {
    Network.Builder b = Network.builder("broken").input("x", Shape.of(3, 32, 32))
        .add("a", Convolution.conv2d(3, 40, 3).withBias(false));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.add("b", Convolution.conv2d(24, 40, 5).withStride(2).withSamePadding()));
    assertEquals("network 'broken': node 'b' (conv2d 24→40 k5 s2 p2 +bias) does not fit its"
        + " input 'a' [40, 30, 30]: expects 24 input channels, got [40, 30, 30]",
        e.getMessage());
    b.add("c", Convolution.conv2d(40, 8, 1)).add("d", Convolution.conv2d(40, 8, 3), "a");
    assertEquals("network 'broken': node 'sum' (add) does not fit its inputs 'c' [8, 30, 30],"
        + " 'd' [8, 28, 28]: expects inputs of one shape, got [[8, 30, 30], [8, 28, 28]]",
        assertThrows(IllegalArgumentException.class,
            () -> b.add("sum", Elementwise.ADD, "c", "d")).getMessage());
  }

  @Test
  void namesReadsAndInputCountsAreChecked() {
    Network.Builder b = Network.builder("n").input("x", Shape.of(4));
    assertEquals("network 'n': name 'x' is used twice",
        assertThrows(IllegalArgumentException.class, () -> b.add("x", Activation.RELU))
            .getMessage());
    assertEquals("network 'n': name 'a b' is blank or has characters other than letters, digits"
        + " and _ . : / -",
        assertThrows(IllegalArgumentException.class, () -> b.add("a b", Activation.RELU))
            .getMessage());
    assertEquals("network 'n': node 'y' (relu) reads 'z', which is neither an input nor an"
        + " earlier node",
        assertThrows(IllegalArgumentException.class, () -> b.add("y", Activation.RELU, "z"))
            .getMessage());
    assertEquals("network 'n': node 'y' (add) reads 1 input(s) but takes at least 2",
        assertThrows(IllegalArgumentException.class, () -> b.add("y", Elementwise.ADD, "x"))
            .getMessage());
    assertEquals("network 'n': node 'y' (relu) reads 2 input(s) but takes exactly 1",
        assertThrows(IllegalArgumentException.class, () -> b.add("y", Activation.RELU, "x", "x"))
            .getMessage());
    assertEquals("network 'n': node 'first' has nothing to read: declare an input first",
        assertThrows(IllegalArgumentException.class,
            () -> Network.builder("n").add("first", Activation.RELU)).getMessage());
  }

  @Test
  void buildRefusesEmptyNetworksAndUnreadInputs() {
    assertEquals("network 'n': a network needs at least one input and one node",
        assertThrows(IllegalArgumentException.class,
            () -> Network.builder("n").input("x", Shape.of(4)).build()).getMessage());
    assertEquals("network 'n': input 'unused' is read by no node",
        assertThrows(IllegalArgumentException.class, () -> Network.builder("n")
            .input("x", Shape.of(4)).input("unused", Shape.of(4))
            .add("y", Activation.RELU, "x").build()).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Network.builder(" "));
  }

  @Test
  void explicitOutputsAndTheBuildersView() {
    Network.Builder b = Network.builder("two").input("x", Shape.of(4)).add("a", Linear.of(4, 2))
        .add("b", Activation.SOFTMAX);
    assertEquals("b", b.last());
    assertEquals(Shape.of(2), b.shape("b"));
    Network n = b.outputs("a", "b").build();
    assertEquals(List.of("a", "b"), n.outputs());
    assertEquals("network 'two': there is no node 'c'",
        assertThrows(IllegalArgumentException.class, () -> b.outputs("c")).getMessage());
  }

  @Test
  void tiedWeightsAreStoredOnce() {
    Network n = Network.builder("lm").input("tokens", Shape.of(5))
        .add("embed", new Embedding(100, 8))
        .add("out", Linear.of(8, 100).withBias(false))
        .shareWeights("out", "embed")
        .build();
    assertEquals(Optional.of("embed"), n.node("out").sharesWeightsWith());
    assertEquals(0, n.node("out").parameters());
    assertEquals(800, n.parameters());
    Network.Builder b = Network.builder("lm").input("tokens", Shape.of(5))
        .add("embed", new Embedding(100, 8)).add("out", Linear.of(8, 50));
    assertEquals("network 'lm': node 'out' (linear 8→50 +bias, 400 weights) cannot share the"
        + " weights of 'embed' (embedding 100×8, 800 weights)",
        assertThrows(IllegalArgumentException.class, () -> b.shareWeights("out", "embed"))
            .getMessage());
  }

  @Test
  void attributesCanBeSetWhileBuildingAndChangedAfterwards() {
    NodeAttributes eightBit = new NodeAttributes(8, 8, 0.5);
    Network n = Network.builder("q").input("x", Shape.of(4)).add("fc", Linear.of(4, 4))
        .attributes("fc", eightBit).add("act", Activation.RELU).build();
    assertEquals(eightBit, n.node("fc").attributes());
    assertEquals(NodeAttributes.DEFAULT, n.node("act").attributes());
    Network all4 = n.withAttributes(node -> new NodeAttributes(4, 4, 0));
    assertEquals(4, all4.node("act").attributes().weightBits());
    assertEquals(eightBit, n.node("fc").attributes(), "the original is unchanged");
    assertEquals(0.5, eightBit.density());
    assertThrows(IllegalArgumentException.class, () -> new NodeAttributes(0, 8, 0));
    assertThrows(IllegalArgumentException.class, () -> new NodeAttributes(8, 33, 0));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new NodeAttributes(8, 8, 1.0)).getMessage().contains("[0, 1)"));
  }
}
