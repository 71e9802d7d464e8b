package dev.lathe.api.model.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.NodeAttributes;
import dev.lathe.api.model.Shape;
import org.junit.jupiter.api.Test;

class ActivationMemoryTest {

  /** x [10] → a [100] → b [100] → c [100] → add(a, c): a stays live across b and c. */
  private static Network residual() {
    return Network.builder("residual").input("x", Shape.of(10))
        .add("a", Linear.of(10, 100))
        .add("b", Linear.of(100, 100))
        .add("c", Linear.of(100, 100))
        .add("sum", Elementwise.ADD, "a", "c")
        .build();
  }

  @Test
  void peakHoldsEveryLiveTensorWhileANodeRuns() {
    // at 'c': a (kept for the sum), b (c's input) and c: 3 × 400 bytes
    // at 'sum': a, c and sum: 1200 again; x was freed after 'a'
    assertEquals(1200, ActivationMemory.peakBytes(residual()));
    Network chain = Network.builder("chain").input("x", Shape.of(10))
        .add("a", Linear.of(10, 100)).add("b", Linear.of(100, 100)).add("c", Linear.of(100, 100))
        .build();
    assertEquals(800, ActivationMemory.peakBytes(chain), "only input and output of one node");
  }

  @Test
  void bytesFollowTheActivationBitsAndInputsTakeFourBytes() {
    Network eightBitA = residual().withAttributes(node -> node.name().equals("a")
        ? new NodeAttributes(32, 8, 0) : NodeAttributes.DEFAULT);
    assertEquals(100, ActivationMemory.outputBytes(eightBitA.node("a")));
    // at 'c': a 100 + b 400 + c 400; at 'sum': a 100 + c 400 + sum 400
    assertEquals(900, ActivationMemory.peakBytes(eightBitA));
    Network odd = residual().withAttributes(node -> new NodeAttributes(32, 3, 0));
    assertEquals(38, ActivationMemory.outputBytes(odd.node("a")), "⌈100 × 3 / 8⌉");
    assertEquals(40, ActivationMemory.inputBytes(Shape.of(10)));
    Network wide = Network.builder("wide").input("x", Shape.of(1000))
        .add("fc", Linear.of(1000, 1)).build();
    assertEquals(4004, ActivationMemory.peakBytes(wide), "the input is live while fc runs");
  }

  @Test
  void everyConventionReportsTheSamePeak() {
    for (CostConvention c : CostConventions.all()) {
      CostReport r = c.count(TinyNetworks.mobileBlock());
      // input 768 bytes and the first convolution's output 256 bytes, live together
      assertEquals(1024, r.activationBytes(), c.id());
      assertEquals(256, r.node("conv").outputBytes());
    }
  }

  @Test
  void conventionsAreFoundByIdDefaultFirst() {
    assertEquals(CostConventions.DEFAULT, CostConventions.all().get(0).id());
    assertEquals("torchprofile", CostConventions.find("torchprofile").orElseThrow().id());
    assertEquals("micronet", CostConventions.micronet().toString());
    assertEquals(true, CostConventions.find("flops").isEmpty());
  }
}
