package dev.lathe.api.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SearchSpaceDefaultsTest {

  /** A space over the given dimensions whose constraint also demands {@code feasible}. */
  private static SearchSpace space(List<Dimension> dimensions, Predicate<Candidate> feasible) {
    return new SearchSpace() {
      @Override
      public String id() {
        return "test";
      }

      @Override
      public List<Dimension> dimensions() {
        return dimensions;
      }

      @Override
      public Optional<String> violation(Candidate candidate) {
        Optional<String> base = SearchSpace.super.violation(candidate);
        if (base.isPresent()) {
          return base;
        }
        return feasible.test(candidate) ? Optional.empty() : Optional.of("constraint violated");
      }
    };
  }

  private static SearchSpace grid(int dims, long high) {
    List<Dimension> d = new java.util.ArrayList<>();
    for (int i = 0; i < dims; i++) {
      d.add(IntegerDimension.of("d" + i, 0, high));
    }
    return space(List.copyOf(d), c -> true);
  }

  private static final SearchSpace MIXED = space(List.of(
      CategoricalDimension.of("act", "relu", "gelu", "swish"),
      new IntegerDimension("k", -3, 9, 3),
      RealDimension.of("x", -1, 3),
      RealDimension.logOf("lr", 1e-4, 1e-1)), c -> true);

  @Test
  void defaultViolationChecksEveryDimensionAndNoOthers() {
    SearchSpace s = grid(2, 9);
    assertEquals(Optional.empty(), s.violation(Candidate.of(Map.of("d0", 1, "d1", 9))));
    assertEquals(Optional.of("dimension 'd1' has no value"),
        s.violation(Candidate.of(Map.of("d0", 1))));
    assertEquals(Optional.of("dimension 'd0' has illegal value 10"),
        s.violation(Candidate.of(Map.of("d0", 10, "d1", 0))));
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("d0", 1);
    extra.put("d1", 2);
    extra.put("z", 3);
    assertEquals(Optional.of("candidate has values for dimensions not in the space: [d0, d1, z]"),
        s.violation(Candidate.of(extra)));
  }

  @Test
  void sampleHonoursAnOverriddenConstraint() {
    SearchSpace s = space(List.of(IntegerDimension.of("a", 0, 9), IntegerDimension.of("b", 0, 9)),
        c -> c.getLong("a") + c.getLong("b") <= 5);
    SplittableRandom random = new SplittableRandom(1);
    Set<Candidate> seen = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      Candidate c = s.sample(random);
      assertTrue(c.getLong("a") + c.getLong("b") <= 5, c.toString());
      seen.add(c);
    }
    assertEquals(21, seen.size(), "every one of the 21 feasible pairs is drawn");
  }

  @Test
  void anInfeasibleConstraintIsReportedAfterMaxTries() {
    SearchSpace s = space(List.of(IntegerDimension.of("a", 0, 9)), c -> false);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> s.sample(new SplittableRandom(1)));
    assertEquals("space 'test': no valid candidate in 10000 draws; its constraints look infeasible",
        e.getMessage());
  }

  @Test
  void mutateWithProbabilityZeroKeepsTheParent() {
    SearchSpace s = grid(5, 999);
    SplittableRandom random = new SplittableRandom(2);
    Candidate parent = s.sample(random);
    for (int i = 0; i < 100; i++) {
      assertEquals(parent, s.mutate(parent, 0.0, random));
    }
  }

  @Test
  void mutateWithProbabilityOneRedrawsEveryDimension() {
    SearchSpace s = grid(5, 999);
    SplittableRandom random = new SplittableRandom(3);
    Candidate parent = s.sample(random);
    int kept = 0;
    for (int i = 0; i < 200; i++) {
      Candidate child = s.mutate(parent, 1.0, random);
      for (Dimension d : s.dimensions()) {
        if (child.get(d.name()).equals(parent.get(d.name()))) {
          kept++;
        }
      }
    }
    assertTrue(kept <= 5, "1,000 redraws from 1,000 values keep about one parent value: " + kept);
  }

  @Test
  void mutateFallsBackToTheParentWhenNoMutantIsFeasible() {
    SplittableRandom random = new SplittableRandom(4);
    Candidate parent = Candidate.of(Map.of("a", 0L, "b", 0L));
    SearchSpace s = space(List.of(IntegerDimension.of("a", 0, 1_000_000),
        IntegerDimension.of("b", 0, 1_000_000)), parent::equals);
    assertSame(parent, s.mutate(parent, 1.0, random));
  }

  @Test
  void crossoverTakesEachValueFromOneOfTheParents() {
    SearchSpace s = grid(6, 9);
    Map<String, Object> ones = new LinkedHashMap<>();
    Map<String, Object> twos = new LinkedHashMap<>();
    s.dimensions().forEach(d -> {
      ones.put(d.name(), 1L);
      twos.put(d.name(), 2L);
    });
    Candidate a = Candidate.of(ones);
    Candidate b = Candidate.of(twos);
    SplittableRandom random = new SplittableRandom(5);
    Map<String, Set<Object>> taken = new LinkedHashMap<>();
    for (int i = 0; i < 200; i++) {
      Candidate child = s.crossover(a, b, random);
      for (Dimension d : s.dimensions()) {
        Object v = child.get(d.name());
        assertTrue(v.equals(1L) || v.equals(2L), d.name() + " = " + v);
        taken.computeIfAbsent(d.name(), k -> new HashSet<>()).add(v);
      }
    }
    taken.forEach((name, values) -> assertEquals(Set.of(1L, 2L), values, name));
  }

  @Test
  void crossoverHonoursTheConstraint() {
    SearchSpace s = space(List.of(IntegerDimension.of("a", 0, 9), IntegerDimension.of("b", 0, 9)),
        c -> c.getLong("a") == c.getLong("b"));
    Candidate a = Candidate.of(Map.of("a", 1L, "b", 1L));
    Candidate b = Candidate.of(Map.of("a", 2L, "b", 2L));
    SplittableRandom random = new SplittableRandom(6);
    for (int i = 0; i < 100; i++) {
      Candidate child = s.crossover(a, b, random);
      assertTrue(child.equals(a) || child.equals(b), child.toString());
    }
  }

  @Test
  void encodeGivesTheCellCentresAndDecodeInvertsIt() {
    Candidate c = Candidate.of(new LinkedHashMap<>(Map.of("act", "swish", "k", 0L, "x", 0.0,
        "lr", 1e-2)));
    assertArrayEquals(new double[] {5 / 6.0, 0.3, 0.25, 2 / 3.0}, MIXED.encode(c), 1e-12);
    Candidate back = MIXED.decode(MIXED.encode(c));
    assertEquals("swish", back.get("act"));
    assertEquals(0L, back.get("k"));
    assertEquals(0.0, back.getDouble("x"), 1e-15);
    assertEquals(1e-2, back.getDouble("lr"), 1e-15);
    assertEquals(List.of("act", "k", "x", "lr"), List.copyOf(back.values().keySet()));
  }

  @Test
  void decodeOfEveryEncodedSampleGivesItBack() {
    SplittableRandom random = new SplittableRandom(8);
    for (int i = 0; i < 500; i++) {
      Candidate c = MIXED.sample(random);
      Candidate back = MIXED.decode(MIXED.encode(c));
      assertEquals(c.get("act"), back.get("act"));
      assertEquals(c.get("k"), back.get("k"));
      assertEquals(c.getDouble("x"), back.getDouble("x"), 1e-12);
      assertEquals(c.getDouble("lr"), back.getDouble("lr"), 1e-12 * c.getDouble("lr"));
    }
  }

  @Test
  void decodeRefusesAPointOfTheWrongLength() {
    assertEquals("space 'test' has 4 dimensions, got a point of 2",
        assertThrows(IllegalArgumentException.class, () -> MIXED.decode(new double[2]))
            .getMessage());
  }

  @Test
  void decodeClampsPointsOutsideTheCube() {
    Candidate low = MIXED.decode(new double[] {-1, -1, -1, -1});
    Candidate high = MIXED.decode(new double[] {2, 2, 2, 2});
    assertEquals(Optional.empty(), MIXED.violation(low));
    assertEquals(List.of("relu", -3L, -1.0, 1e-4), List.copyOf(low.values().values()));
    assertEquals(List.of("swish", 9L, 3.0, 1e-1), List.copyOf(high.values().values()));
    assertNotEquals(low, high);
  }
}
