package dev.lathe.plugin.ofa.supernet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Evolution and random search over the scaled-down space, on a score known in closed form. */
class SubnetSearchTest {

  /** Capacity: the larger each active block's kernel and expand ratio, the higher. */
  private static double capacity(MiniSubnet s) {
    double c = s.resolution() / 28.0;
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      if (s.active(b)) {
        c += MiniSubnet.KERNELS.indexOf(s.kernels().get(b))
            + MiniSubnet.EXPANDS.indexOf(s.expands().get(b));
      }
    }
    return c;
  }

  /** A cost that rises with capacity, as MACs do. */
  private static final Predicate<MiniSubnet> CAP = s -> {
    int active = 0;
    int big = 0;
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      if (s.active(b)) {
        active++;
        big += s.kernels().get(b) == 7 ? 1 : 0;
      }
    }
    return active <= 9 && big <= 4;
  };

  @Test
  void eachSearchSpendsExactlyItsEvaluationsOnFeasibleSubnetsAndReturnsTheBest() {
    for (boolean evolution : new boolean[] {true, false}) {
      List<Double> scores = new ArrayList<>();
      ToDoubleFunction<MiniSubnet> score = s -> {
        assertTrue(CAP.test(s), "an infeasible subnet was scored: " + s);
        double v = capacity(s);
        scores.add(v);
        return v;
      };
      SubnetSearch.Scored best = evolution
          ? SubnetSearch.evolution(score, CAP, 57, 10, new SplittableRandom(3))
          : SubnetSearch.random(score, CAP, 57, new SplittableRandom(3));
      assertEquals(57, scores.size());
      assertEquals(scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
          best.score());
      assertEquals(capacity(best.subnet()), best.score());
    }
  }

  @Test
  void evolutionBeatsRandomSearchAtEqualEvaluationsInTheMedianOfFiveSeeds() {
    List<Double> evolved = new ArrayList<>();
    List<Double> random = new ArrayList<>();
    for (long seed = 1; seed <= 5; seed++) {
      evolved.add(SubnetSearch.evolution(SubnetSearchTest::capacity, CAP, 300, 30,
          new SplittableRandom(seed)).score());
      random.add(SubnetSearch.random(SubnetSearchTest::capacity, CAP, 300,
          new SplittableRandom(seed)).score());
    }
    assertTrue(SupernetStudy.median(evolved) > SupernetStudy.median(random) + 2,
        "evolution " + evolved + ", random " + random);
  }

  @Test
  void anUnsatisfiableConstraintIsRefusedWithAMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SubnetSearch.random(s -> 0, s -> false, 1, new SplittableRandom(1)));
    assertEquals("no subnet meets the constraint in 100000 draws", e.getMessage());
  }
}
