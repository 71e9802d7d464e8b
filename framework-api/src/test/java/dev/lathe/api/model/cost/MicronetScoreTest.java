package dev.lathe.api.model.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.api.model.cost.MicronetScore.Operations;
import dev.lathe.api.model.cost.MicronetScore.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicronetScoreTest {

  private static MicronetScore score(int bits, int quantizers) {
    return new MicronetScore(bits, List.of(new Tensor("fc.weight", 640, 320),
        new Tensor("fc.bias", 64, 64)), List.of(new Operations("fc", 320, 316, 0),
        new Operations("softmax", 0, 0, 191)), quantizers);
  }

  @Test
  void sizeIsNonzeroTimesBitsPlusMaskBitsPlusQuantizers() {
    MicronetScore s = score(8, 3);
    assertEquals(704, s.parameters());
    assertEquals(384, s.nonzeroParameters());
    assertEquals(96, s.parameterSize());
    assertEquals(22, s.maskSize());
    assertEquals(3 * (1 + 24 / 32.0), s.quantizationSize());
    assertEquals(96 + 22 + 5.25, s.size());
  }

  @Test
  void opsScaleMultiplicationsByBitsOnly() {
    MicronetScore s = score(8, 0);
    assertEquals(320 * 8 / 32.0 + 316 + 191, s.ops());
    assertEquals(80 + 316, s.operations().get(0).ops(8));
    assertEquals(320 + 316 + 191, score(32, 0).ops());
  }

  @Test
  void scoreDividesByTheChallengeBaseline() {
    MicronetScore s = score(32, 0);
    assertEquals(s.size() / 159e6 + s.ops() / 318e6, s.score());
  }

  @Test
  void refusesImpossibleParts() {
    assertThrows(IllegalArgumentException.class, () -> new Tensor("w", 4, 5));
    assertThrows(IllegalArgumentException.class, () -> new Operations("o", -1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new MicronetScore(0, List.of(),
        List.of(), 0));
    assertThrows(IllegalArgumentException.class, () -> new MicronetScore(8, List.of(),
        List.of(), -1));
  }
}
