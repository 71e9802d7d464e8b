package dev.lathe.testkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.Workload;
import dev.lathe.api.space.CategoricalDimension;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.DimensionGraph;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.SearchSpaceProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SearchSpace}: unique dimension names in a fixed order; samples,
 * mutations and crossovers that lie in the space and depend only on the random generator;
 * encode and decode that round-trip; stable candidate hashes; a {@code violation} that rejects
 * candidates outside the space; a consistent workload; a structure, when there is one, whose
 * vertices own dimensions of the space, each at most once.
 *
 * <pre>{@code
 * class MySpaceTest extends SearchSpaceContract {
 *   @Override protected SearchSpaceProvider provider() { return new MySpaceProvider(); }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class SearchSpaceContract extends PluginProviderContract<SearchSpaceProvider> {

  private static final double REAL_TOLERANCE = 1e-9;

  /** For subclasses. */
  protected SearchSpaceContract() {}

  /** How many candidates each test draws. Default: 50. */
  protected int sampleCount() {
    return 50;
  }

  @Override
  protected final ExtensionPoint point() {
    return ExtensionPoint.SEARCH_SPACE;
  }

  @Override
  protected final String instanceId() {
    return newSpace().id();
  }

  /** A new space from the provider with {@link #context()}. */
  protected final SearchSpace newSpace() {
    SearchSpace space = provider().create(context());
    assertNotNull(space, () -> plugin() + ": create() returned null");
    return space;
  }

  /** Checks that the space has dimensions, each with a name no other dimension has. */
  @Test
  public void dimensionsAreNamedUniquely() {
    List<Dimension> dimensions = newSpace().dimensions();
    assertFalse(dimensions == null || dimensions.isEmpty(),
        () -> plugin() + ": dimensions() is empty; a space needs at least one dimension");
    Set<String> names = new HashSet<>();
    for (Dimension d : dimensions) {
      assertTrue(names.add(d.name()),
          () -> plugin() + ": dimension name '" + d.name() + "' is used twice in " + dimensions);
    }
  }

  /** Checks that dimensions() is the same list on every call and on every instance. */
  @Test
  public void dimensionsKeepTheirOrder() {
    SearchSpace space = newSpace();
    assertEquals(space.dimensions(), space.dimensions(),
        () -> plugin() + ": dimensions() changed between two calls; the order must be fixed");
    assertEquals(space.dimensions(), newSpace().dimensions(), () -> plugin()
        + ": two spaces created with the same settings have different dimensions()");
  }

  /** Checks that samples lie in the space, with one value per dimension in the space's order. */
  @Test
  public void sampleGivesValidCandidates() {
    SearchSpace space = newSpace();
    List<String> names = names(space);
    for (Candidate c : samples(space, seed())) {
      assertValid(space, c, "sample()");
      assertEquals(names, List.copyOf(c.values().keySet()), () -> plugin()
          + ": sample() gave " + c + " whose values are not in the order of dimensions() " + names);
    }
  }

  /** Checks that sample() depends only on the random generator it is given. */
  @Test
  public void sampleIsDeterministicForASeed() {
    assertEquals(samples(newSpace(), seed()), samples(newSpace(), seed()), () -> plugin()
        + ": sample() gave different candidates for generators with the same seed; draw every"
        + " random number from the generator passed in");
  }

  /**
   * Checks that encode() gives a point of the unit cube with one coordinate per dimension, and
   * that decode() of it gives back the candidate (reals to within 1e-9).
   */
  @Test
  public void encodeDecodeRoundTripStaysValid() {
    SearchSpace space = newSpace();
    List<Dimension> dims = space.dimensions();
    for (Candidate c : samples(space, seed())) {
      double[] x = space.encode(c);
      assertEquals(dims.size(), x.length, () -> plugin() + ": encode(" + c + ") has "
          + x.length + " coordinates for " + dims.size() + " dimensions");
      for (int i = 0; i < x.length; i++) {
        double xi = x[i];
        String name = dims.get(i).name();
        assertTrue(xi >= 0 && xi <= 1, () -> plugin() + ": encode(" + c + ") puts dimension '"
            + name + "' at " + xi + ", outside [0, 1]");
      }
      Candidate back = space.decode(x);
      assertValid(space, back, "decode(encode(" + c + "))");
      for (Dimension d : dims) {
        Object original = c.get(d.name());
        Object decoded = back.get(d.name());
        boolean same = d instanceof RealDimension
            ? Math.abs((Double) decoded - (Double) original)
                <= REAL_TOLERANCE * Math.max(1, Math.abs((Double) original))
            : decoded.equals(original);
        assertTrue(same, () -> plugin() + ": decode(encode(" + c + ")) changed dimension '"
            + d.name() + "' from " + original + " to " + decoded);
      }
    }
  }

  /**
   * Checks that mutate() gives candidates in the space for rates 0, 0.5 and 1, and that rate 0
   * returns the parent unchanged.
   */
  @Test
  public void mutateGivesValidCandidates() {
    SearchSpace space = newSpace();
    RandomGenerator random = new SplittableRandom(seed() + 1);
    for (Candidate parent : samples(space, seed())) {
      for (double p : new double[] {0, 0.5, 1}) {
        Candidate child = space.mutate(parent, p, random);
        assertValid(space, child, "mutate(" + parent + ", " + p + ")");
        if (p == 0) {
          assertEquals(parent, child, () -> plugin() + ": mutate with probability 0 changed "
              + parent + " into " + child + "; it must redraw no dimension");
        }
      }
    }
  }

  /** Checks that crossover() gives candidates in the space whose every value is a parent's. */
  @Test
  public void crossoverTakesEachValueFromAParent() {
    SearchSpace space = newSpace();
    List<Candidate> parents = samples(space, seed());
    RandomGenerator random = new SplittableRandom(seed() + 2);
    for (int i = 0; i + 1 < parents.size(); i++) {
      Candidate a = parents.get(i);
      Candidate b = parents.get(i + 1);
      Candidate child = space.crossover(a, b, random);
      assertValid(space, child, "crossover(" + a + ", " + b + ")");
      for (String name : names(space)) {
        Object v = child.get(name);
        assertTrue(v.equals(a.get(name)) || v.equals(b.get(name)), () -> plugin()
            + ": crossover(" + a + ", " + b + ") gave " + child + ", whose '" + name
            + "' comes from neither parent");
      }
    }
  }

  /**
   * Checks that a candidate's hash is 16 hexadecimal digits and survives rebuilding the
   * candidate in another order and, for spaces without real dimensions, an encode/decode round trip.
   */
  @Test
  public void candidateHashIsStable() {
    SearchSpace space = newSpace();
    boolean discrete = space.dimensions().stream().noneMatch(d -> d instanceof RealDimension);
    for (Candidate c : samples(space, seed())) {
      assertTrue(c.hash().matches("[0-9a-f]{16}"),
          () -> plugin() + ": candidate " + c + " has hash '" + c.hash() + "'");
      List<Map.Entry<String, Object>> entries = new ArrayList<>(c.values().entrySet());
      Map<String, Object> reversed = new LinkedHashMap<>();
      for (int i = entries.size() - 1; i >= 0; i--) {
        reversed.put(entries.get(i).getKey(), entries.get(i).getValue());
      }
      assertEquals(c.hash(), Candidate.of(reversed).hash(), () -> plugin() + ": candidate "
          + c + " hashes differently when its values are given in another order");
      if (discrete) {
        assertEquals(c.hash(), space.decode(space.encode(c)).hash(), () -> plugin()
            + ": candidate " + c + " hashes differently after encode/decode");
      }
    }
  }

  /**
   * Checks that violation() reports a candidate that lacks a dimension, has an extra one, or
   * has a value outside a dimension.
   */
  @Test
  public void violationRejectsCandidatesOutsideTheSpace() {
    SearchSpace space = newSpace();
    Candidate c = space.sample(new SplittableRandom(seed()));
    Dimension first = space.dimensions().get(0);
    Map<String, Object> missing = new LinkedHashMap<>(c.values());
    missing.remove(first.name());
    assertRejected(space, Candidate.of(missing), "lacks dimension '" + first.name() + "'");
    assertRejected(space, c.with("lathe_tck_extra", 1L), "has an extra dimension");
    assertRejected(space, c.with(first.name(), outside(first)),
        "has value " + outside(first) + " outside dimension '" + first.name() + "'");
  }

  /**
   * Checks that structure(), when present, owns only dimensions of the space, each once, and
   * gives the same graph twice.
   */
  @Test
  public void structureOwnsDimensionsOfTheSpace() {
    SearchSpace space = newSpace();
    Optional<DimensionGraph> structure = space.structure();
    assertNotNull(structure, () -> plugin() + ": structure() returned null, not empty");
    structure.ifPresent(graph -> {
      Set<String> names = new HashSet<>();
      space.dimensions().forEach(d -> names.add(d.name()));
      Set<String> owned = new HashSet<>();
      for (DimensionGraph.Vertex v : graph.vertices()) {
        for (String d : v.dimensions()) {
          assertTrue(names.contains(d), () -> plugin() + ": structure() vertex '" + v.name()
              + "' owns '" + d + "', which is not a dimension of the space");
          assertTrue(owned.add(d), () -> plugin() + ": structure() gives dimension '" + d
              + "' to more than one vertex");
        }
      }
      assertEquals(graph.vertices().size(), space.structure().orElseThrow().vertices().size(),
          () -> plugin() + ": structure() changed between two calls");
    });
  }

  /** Checks that workload() gives the same answer twice, with a named kind when present. */
  @Test
  public void workloadIsConsistent() {
    SearchSpace space = newSpace();
    for (Candidate c : samples(space, seed())) {
      Optional<Workload> once = space.workload(c);
      Optional<Workload> twice = space.workload(c);
      assertNotNull(once, () -> plugin() + ": workload(" + c + ") returned null, not empty");
      assertEquals(once.isPresent(), twice.isPresent(),
          () -> plugin() + ": workload(" + c + ") is present only sometimes");
      once.ifPresent(w -> {
        assertFalse(w.kind() == null || w.kind().isBlank(),
            () -> plugin() + ": workload(" + c + ") has a blank kind()");
        assertEquals(w.kind(), twice.get().kind(),
            () -> plugin() + ": workload(" + c + ") changed kind between two calls");
      });
    }
  }

  private List<Candidate> samples(SearchSpace space, long seed) {
    RandomGenerator random = new SplittableRandom(seed);
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < sampleCount(); i++) {
      Candidate c = space.sample(random);
      assertNotNull(c, () -> plugin() + ": sample() returned null");
      out.add(c);
    }
    return out;
  }

  private static List<String> names(SearchSpace space) {
    return space.dimensions().stream().map(Dimension::name).toList();
  }

  private void assertValid(SearchSpace space, Candidate c, String madeBy) {
    assertNotNull(c, () -> plugin() + ": " + madeBy + " returned null");
    space.violation(c).ifPresent(v ->
        fail(plugin() + ": " + madeBy + " gave " + c + ", which is not in the space: " + v));
  }

  private void assertRejected(SearchSpace space, Candidate c, String why) {
    assertTrue(space.violation(c).isPresent(), () -> plugin() + ": violation(" + c
        + ") is empty, but the candidate " + why + "; check the dimensions before constraints"
        + " (call SearchSpace.super.violation)");
  }

  private static Object outside(Dimension d) {
    if (d instanceof IntegerDimension i) {
      return i.high() + i.step();
    }
    if (d instanceof RealDimension r) {
      return r.high() + (r.high() - r.low());
    }
    CategoricalDimension c = (CategoricalDimension) d;
    String value = "lathe-tck-not-a-choice";
    while (c.choices().contains(value)) {
      value = value + "-";
    }
    return value;
  }
}
