package dev.lathe.plugin.baselines.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.api.space.CategoricalDimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.RealDimension;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelInputsTest {

  private final KernelInputs inputs = new KernelInputs(List.of(
      RealDimension.of("x", -1, 1), RealDimension.logOf("rate", 1e-4, 1),
      IntegerDimension.of("depth", 1, 4), CategoricalDimension.of("act", "relu", "gelu", "tanh")));

  @Test
  void realsStayIntegersRoundToTheirCellCentreAndChoicesBecomeIndices() {
    assertArrayEquals(new double[] {0.3, 0.9, 0.375, 2},
        inputs.transform(new double[] {0.3, 0.9, 0.26, 0.7}), 1e-15);
    assertArrayEquals(new double[] {0, 1, 0.875, 2},
        inputs.transform(new double[] {-0.2, 1.5, 1.0, 1.0}), 1e-15);
    assertArrayEquals(new double[] {0.5, 0.5, 0.125, 0},
        inputs.transform(new double[] {0.5, 0.5, 0, 0}), 1e-15);
  }

  @Test
  void declaresWhichCoordinatesAreRealAndWhichCategorical() {
    assertArrayEquals(new boolean[] {true, true, false, false}, inputs.continuous());
    assertArrayEquals(new boolean[] {false, false, false, true}, inputs.categorical());
    assertEquals(4, inputs.cells(2));
    assertEquals(3, inputs.cells(3));
    assertEquals(0, inputs.cells(0));
    assertEquals(0.625, inputs.centre(2, 2), 1e-15);
  }

  @Test
  void cellCentresAreTheSpaceEncodingOfItsValues() {
    IntegerDimension depth = IntegerDimension.of("depth", 1, 4);
    for (long v = 1; v <= 4; v++) {
      assertEquals(depth.toUnit(v), inputs.centre(2, v - 1), 1e-15);
      assertEquals(depth.toUnit(v), inputs.transform(new double[] {0, 0, depth.toUnit(v), 0})[2],
          1e-15);
    }
  }
}
