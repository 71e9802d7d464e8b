package dev.lathe.plugin.baselines.population;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.CategoricalDimension;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.plugin.baselines.TestSpaces;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link StateWriter} and {@link StateReader}. */
class StateCodecTest {

  private static final SearchSpace TYPES = new SearchSpace() {
    private final List<Dimension> dimensions = List.of(
        CategoricalDimension.of("flag", true, false),
        CategoricalDimension.of("choice", "a", "ü-β", 2.5, 7L),
        RealDimension.of("x", -1, 1));

    @Override
    public String id() {
      return "types";
    }

    @Override
    public List<Dimension> dimensions() {
      return dimensions;
    }
  };

  private static Candidate candidate(boolean flag, Object choice, double x) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("flag", flag);
    values.put("choice", choice);
    values.put("x", x);
    return Candidate.of(values);
  }

  @Test
  void candidatesAndIndividualsComeBackBitForBit() {
    List<Candidate> candidates = List.of(candidate(true, "ü-β", -0.0),
        candidate(false, 2.5, Math.nextUp(0.3)), candidate(true, 7L, 1.0));
    Individual infeasible = new Individual(12, candidates.get(1),
        new double[] {Double.NEGATIVE_INFINITY, 3.5}, Double.POSITIVE_INFINITY);
    StateWriter out = new StateWriter(3, "demo", TYPES).writeLong(Long.MIN_VALUE).writeInt(-4)
        .writeDouble(Double.NaN);
    candidates.forEach(out::writeCandidate);
    out.writeIndividuals(List.of(infeasible));

    StateReader in = new StateReader(out.toByteArray(), 3, "demo", TYPES);
    assertEquals(Long.MIN_VALUE, in.readLong());
    assertEquals(-4, in.readInt());
    assertTrue(Double.isNaN(in.readDouble()));
    for (Candidate c : candidates) {
      Candidate back = in.readCandidate();
      assertEquals(c, back);
      assertEquals(c.hash(), back.hash());
    }
    Individual back = in.readIndividuals().get(0);
    in.finish();
    assertEquals(12, back.trialNumber());
    assertEquals(infeasible.candidate(), back.candidate());
    assertArrayEquals(infeasible.losses(), back.losses());
    assertEquals(Double.POSITIVE_INFINITY, back.violation());
  }

  @Test
  void aStateOfAnotherOptimizerFormatOrSpaceIsRefused() {
    byte[] state = new StateWriter(1, "demo", TYPES).writeLong(5).toByteArray();
    assertEquals("optimizer 'other': checkpoint is a state of optimizer 'demo' format 1,"
        + " expected 'other' format 1",
        assertThrows(IllegalArgumentException.class,
            () -> new StateReader(state, 1, "other", TYPES)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new StateReader(state, 2, "demo", TYPES));
    assertEquals("optimizer 'demo': checkpoint is for dimensions [flag, choice, x], space"
        + " 'mixed' has [activation, depth, width, dropout, learning_rate]",
        assertThrows(IllegalArgumentException.class,
            () -> new StateReader(state, 1, "demo", TestSpaces.mixed())).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new StateReader(new byte[] {1, 2}, 1, "demo", TYPES));
  }

  @Test
  void truncatedOrOverlongStatesAreCorrupt() {
    byte[] state = new StateWriter(1, "demo", TYPES).writeCandidate(candidate(true, "a", 0.5))
        .toByteArray();
    StateReader truncated = new StateReader(Arrays.copyOf(state, state.length - 3), 1, "demo",
        TYPES);
    assertEquals("optimizer 'demo': checkpoint is corrupt: it ends early",
        assertThrows(IllegalArgumentException.class, truncated::readCandidate).getMessage());
    StateReader overlong = new StateReader(Arrays.copyOf(state, state.length + 2), 1, "demo",
        TYPES);
    overlong.readCandidate();
    assertEquals("optimizer 'demo': checkpoint is corrupt: 2 bytes are left over",
        assertThrows(IllegalArgumentException.class, overlong::finish).getMessage());
  }
}
