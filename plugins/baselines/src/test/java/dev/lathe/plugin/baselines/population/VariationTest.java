package dev.lathe.plugin.baselines.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.CategoricalDimension;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.plugin.baselines.TestSpaces;
import dev.lathe.plugin.baselines.population.Variation.RealStep;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VariationTest {

  private static final SearchSpace MIXED = TestSpaces.mixed();

  private static Variation variation(SearchSpace space, RealStep step, double sigma) {
    return new Variation("test-optimizer", space, step, sigma, 1000);
  }

  private static long changedDimensions(Candidate a, Candidate b) {
    return a.values().keySet().stream().filter(k -> !a.get(k).equals(b.get(k))).count();
  }

  @Test
  void samplesAreValidAndDependOnTheGeneratorOnly() {
    Variation v = variation(MIXED, RealStep.REDRAW, 0.1);
    for (int i = 0; i < 300; i++) {
      Candidate c = v.sample(new SplittableRandom(i));
      assertEquals(Optional.empty(), MIXED.violation(c), c::toString);
      assertEquals(c, v.sample(new SplittableRandom(i)));
    }
  }

  @Test
  void mutateOneChangesExactlyOneDimensionAndStaysValid() {
    Variation v = variation(MIXED, RealStep.REDRAW, 0.1);
    SplittableRandom random = new SplittableRandom(3);
    Candidate parent = v.sample(random);
    int[] changedByDimension = new int[MIXED.dimensions().size()];
    for (int i = 0; i < 2000; i++) {
      Candidate child = v.mutateOne(parent, 0, random);
      assertEquals(Optional.empty(), MIXED.violation(child), child::toString);
      assertEquals(1, changedDimensions(parent, child), () -> parent + " -> " + child);
      for (int d = 0; d < changedByDimension.length; d++) {
        String name = MIXED.dimensions().get(d).name();
        if (!parent.get(name).equals(child.get(name))) {
          changedByDimension[d]++;
        }
      }
    }
    // every dimension mutates; depth and width less often, since the constraint refuses more
    // of their mutations and the retry may pick another dimension
    for (int count : changedByDimension) {
      assertTrue(count > 50, () -> Arrays.toString(changedByDimension));
    }
  }

  @Test
  void mutateEachChangesAtLeastOneDimensionAtAboutTheGivenRate() {
    SearchSpace box = space(RealDimension.of("a", 0, 1), RealDimension.of("b", 0, 1),
        RealDimension.of("c", 0, 1), RealDimension.of("d", 0, 1));
    Variation v = variation(box, RealStep.REDRAW, 0.1);
    SplittableRandom random = new SplittableRandom(5);
    Candidate parent = v.sample(random);
    long changed = 0;
    int children = 4000;
    for (int i = 0; i < children; i++) {
      long n = changedDimensions(parent, v.mutateEach(parent, 0, 0.5, random));
      assertTrue(n >= 1);
      changed += n;
    }
    // 4 dimensions at 1/2 each, plus one when none was drawn (probability 1/16): 2 + 1/16
    assertEquals(2.0625, (double) changed / children, 0.06);
    Candidate once = v.mutateEach(parent, 0, 0, random);
    assertEquals(1, changedDimensions(parent, once));
  }

  @Test
  void discreteMutationsAlwaysPickAnotherValueUniformly() {
    Variation v = variation(MIXED, RealStep.REDRAW, 0.1);
    SplittableRandom random = new SplittableRandom(11);
    Dimension width = new IntegerDimension("width", 8, 64, 8);
    int[] counts = new int[8];
    for (int i = 0; i < 7000; i++) {
      long value = (Long) v.mutate(width, 24L, random);
      assertNotEquals(24L, value);
      counts[(int) ((value - 8) / 8)]++;
    }
    assertEquals(0, counts[2]);
    for (int k = 0; k < counts.length; k++) {
      if (k != 2) {
        assertEquals(1000, counts[k], 120, "value " + (8 + 8 * k));
      }
    }
    Dimension activation = CategoricalDimension.of("activation", "relu", "gelu");
    for (int i = 0; i < 20; i++) {
      assertEquals("gelu", v.mutate(activation, "relu", random));
    }
  }

  @Test
  void gaussianStepsAreSmallReflectedAndInUnitSpace() {
    RealDimension rate = RealDimension.logOf("rate", 1e-4, 1);
    SearchSpace space = space(rate);
    Variation v = variation(space, RealStep.GAUSSIAN, 0.05);
    SplittableRandom random = new SplittableRandom(2);
    double sum = 0;
    double sumSquares = 0;
    int n = 5000;
    for (int i = 0; i < n; i++) {
      double u = rate.toUnit(v.mutate(rate, 1e-2, random));
      sum += u - 0.5;
      sumSquares += (u - 0.5) * (u - 0.5);
    }
    assertEquals(0, sum / n, 0.005);
    assertEquals(0.05, Math.sqrt(sumSquares / n), 0.003);
    for (int i = 0; i < 1000; i++) {
      double x = (Double) v.mutate(rate, 1.0, random);
      assertTrue(x >= 1e-4 && x <= 1, "reflected into the range: " + x);
    }
    assertEquals(0.2, Variation.reflect(-0.2), 1e-12);
    assertEquals(0.7, Variation.reflect(1.3), 1e-12);
    assertEquals(0.5, Variation.reflect(2.5), 1e-12);
    assertEquals(0.5, Variation.reflect(-2.5), 1e-12);
  }

  @Test
  void crossoverTakesEveryValueFromAParentAndBothParentsContribute() {
    Variation v = variation(MIXED, RealStep.REDRAW, 0.1);
    SplittableRandom random = new SplittableRandom(8);
    Candidate a = v.sample(random);
    Candidate b = v.sample(random);
    int fromA = 0;
    int fromB = 0;
    for (int i = 0; i < 500; i++) {
      Candidate child = v.crossover(a, b, "trials 0 and 1", random);
      assertEquals(Optional.empty(), MIXED.violation(child));
      for (String name : child.values().keySet()) {
        Object value = child.get(name);
        assertTrue(value.equals(a.get(name)) || value.equals(b.get(name)), name);
        fromA += value.equals(a.get(name)) ? 1 : 0;
        fromB += value.equals(b.get(name)) ? 1 : 0;
      }
    }
    assertTrue(fromA > 500 && fromB > 500, fromA + " / " + fromB);
  }

  @Test
  void anInfeasibleConstraintIsOneErrorNamingTheSpaceAndTheConstraint() {
    Variation v = new Variation("test-optimizer", TestSpaces.branin(-100), RealStep.REDRAW, 0.1,
        50);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> v.sample(new SplittableRandom(1)));
    assertEquals("optimizer 'test-optimizer': space 'constrained-branin' refused all 50 random"
        + " candidates; its constraint looks infeasible: x1 + x2 > -100.0 (relax the constraint"
        + " or raise max_tries)", e.getMessage());
  }

  @Test
  void aSpaceWithoutChoicesHasNothingToMutate() {
    SearchSpace fixed = space(CategoricalDimension.of("only", "one"));
    Variation v = variation(fixed, RealStep.REDRAW, 0.1);
    Candidate c = v.sample(new SplittableRandom(1));
    assertSame(c, v.mutateOne(c, 0, new SplittableRandom(2)));
    assertSame(c, v.mutateEach(c, 0, 1, new SplittableRandom(2)));
  }

  @Test
  void settingsAreChecked() {
    assertThrows(IllegalArgumentException.class,
        () -> new Variation("x", MIXED, RealStep.GAUSSIAN, 0, 10));
    assertThrows(IllegalArgumentException.class,
        () -> new Variation("x", MIXED, RealStep.GAUSSIAN, 0.1, 0));
    assertEquals(List.of("real_mutation", "sigma", "max_tries"),
        Variation.parameters().stream().map(p -> p.name()).toList());
  }

  private static SearchSpace space(Dimension... dimensions) {
    List<Dimension> list = List.of(dimensions);
    return new SearchSpace() {
      @Override
      public String id() {
        return "test-space";
      }

      @Override
      public List<Dimension> dimensions() {
        return list;
      }
    };
  }
}
