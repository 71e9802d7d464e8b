package dev.lathe.plugin.ofa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The space {@code ofa}: its size, its genes, both encodings and the MACs cap. */
class OfaSpaceTest {

  private static OfaSpace space(OfaSpace.Encoding encoding, double maxMacs) {
    return new OfaSpace(encoding, OfaSpace.Granularity.BLOCK, Subnet.RESOLUTIONS, maxMacs, 1000);
  }

  @Test
  void theSpaceHolds7371ToTheFifthArchitecturesAtEachResolutionAndWidth() {
    assertEquals(new BigInteger("21758655492572485851"), Ofa.ARCHITECTURES);
    assertEquals(BigInteger.valueOf(7371).pow(5), Ofa.ARCHITECTURES);
    assertEquals(new BigInteger("1087932774628624292550"), Ofa.SUBNETS);
    assertEquals("2.18e+19", String.format("%.2e", Ofa.ARCHITECTURES.doubleValue()));
    assertTrue(Ofa.info().title().contains("7371^5 = 21758655492572485851 architectures × 25"
        + " resolutions × 2 widths = 1087932774628624292550 subnets"), Ofa.info().title());
  }

  @Test
  void genesAreNamedPerBlockAndStage() {
    OfaSpace space = OfaSpace.paper();
    assertEquals(47, space.dimensions().size());
    assertEquals("ks_0", space.dimensions().get(0).name());
    assertEquals("e_19", space.dimensions().get(39).name());
    assertEquals("d_4", space.dimensions().get(44).name());
    assertEquals("r", space.dimensions().get(45).name());
    assertEquals("w", space.dimensions().get(46).name());
    assertEquals(25, space.dimensions().get(45).cardinality());
  }

  @Test
  void candidatesAndSubnetsRoundTripInBothEncodings() {
    for (OfaSpace.Encoding encoding : OfaSpace.Encoding.values()) {
      OfaSpace space = space(encoding, 0);
      SplittableRandom random = new SplittableRandom(7);
      for (int i = 0; i < 50; i++) {
        Candidate c = space.sample(random);
        Subnet s = space.subnet(c);
        assertEquals(s, space.subnet(space.candidate(s)), encoding.name());
      }
      Subnet largest = Subnet.largest(1.2);
      assertEquals(largest, space.subnet(space.candidate(largest)));
    }
    OfaSpace continuous = space(OfaSpace.Encoding.CONTINUOUS, 0);
    assertTrue(continuous.dimensions().stream().allMatch(d -> d.kind() == Dimension.Kind.REAL));
    Candidate edges = continuous.candidate(Subnet.smallest(1.0)).with("r", 1.0).with("ks_0", 0.0);
    assertEquals(224, continuous.subnet(edges).resolution());
    assertEquals(3, continuous.subnet(edges).kernels().get(0));
  }

  @Test
  void violationsNameTheGene() {
    OfaSpace space = OfaSpace.paper();
    Candidate c = space.candidate(Subnet.largest(1.0));
    assertEquals("dimension 'ks_7' has illegal value 4",
        space.violation(c.with("ks_7", 4)).orElseThrow());
    assertEquals("dimension 'r' has illegal value 226",
        space.violation(c.with("r", 226)).orElseThrow());
    OfaSpace continuous = space(OfaSpace.Encoding.CONTINUOUS, 0);
    Candidate u = continuous.candidate(Subnet.largest(1.0));
    assertEquals("dimension 'd_2' has illegal value 1.5",
        continuous.violation(u.with("d_2", 1.5)).orElseThrow());
    assertFalse(space.violation(c).isPresent());
  }

  @Test
  void aMacsCapRejectsLargerSubnetsAndSamplingRespectsIt() {
    OfaSpace capped = space(OfaSpace.Encoding.CATEGORICAL, 200e6);
    String why = capped.violation(capped.candidate(Subnet.largest(1.0))).orElseThrow();
    assertEquals("subnet " + Subnet.largest(1.0) + " has 566170656 MACs, above the cap 200000000",
        why);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 20; i++) {
      assertTrue(capped.macs(capped.subnet(capped.sample(random))) <= 200e6);
    }
  }

  @Test
  void theUniformGranularityHasFiveGenesAndRefusesNonUniformSubnets() {
    OfaSpace uniform = new OfaSpace(OfaSpace.Encoding.CATEGORICAL,
        OfaSpace.Granularity.UNIFORM, Subnet.RESOLUTIONS, 0, 1000);
    assertEquals(5, uniform.dimensions().size());
    assertEquals(1350, uniform.dimensions().stream().mapToLong(Dimension::cardinality)
        .reduce(1, (a, b) -> a * b));
    Subnet s = Subnet.uniform(5, 4, 3, 160, 1.2);
    assertEquals(s, uniform.subnet(uniform.candidate(s)));
    Subnet mixed = new Subnet(java.util.Collections.nCopies(20, 5),
        java.util.Collections.nCopies(20, 4), java.util.List.of(3, 3, 3, 3, 2), 160, 1.2);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> uniform.candidate(mixed));
    assertEquals("space 'ofa' is uniform; subnet " + mixed + " is not", e.getMessage());
  }

  @Test
  void resolutionsCanBeRestrictedToASubsetOfThePapers() {
    OfaSpace low = new OfaSpace(OfaSpace.Encoding.CATEGORICAL, OfaSpace.Granularity.BLOCK,
        java.util.List.of(128, 160), 0, 1000);
    assertEquals(2, low.dimensions().get(45).cardinality());
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 20; i++) {
      int r = low.subnet(low.sample(random)).resolution();
      assertTrue(r == 128 || r == 160, "resolution " + r);
    }
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> new OfaSpace(OfaSpace.Encoding.CATEGORICAL,
            OfaSpace.Granularity.BLOCK, java.util.List.of(130), 0, 1000));
    assertEquals("space 'ofa': resolutions [130] are not distinct values of 128 to 224 in steps"
        + " of 4", e.getMessage());
  }
}
