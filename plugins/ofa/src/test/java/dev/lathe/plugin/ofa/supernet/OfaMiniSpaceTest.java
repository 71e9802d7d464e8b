package dev.lathe.plugin.ofa.supernet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.model.Network;
import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.api.space.Candidate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The space {@code ofa-mini}: genes, the MACs cap, the workload. */
class OfaMiniSpaceTest {

  @Test
  void candidatesAndSubnetsCorrespondOneToOne() {
    OfaMiniSpace space = new OfaMiniSpace(0);
    assertEquals(12 + 12 + 3 + 1, space.dimensions().size());
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 20; i++) {
      MiniSubnet s = MiniSubnet.sample(MiniSubnet.KERNELS, MiniSubnet.EXPANDS,
          MiniSubnet.DEPTHS, MiniSubnet.RESOLUTIONS, random);
      Candidate c = OfaMiniSpace.candidate(s);
      assertEquals(Optional.empty(), space.violation(c));
      assertEquals(s, OfaMiniSpace.subnet(c));
      assertEquals(SupernetStudy.macs(s), CostConventions.convLinear().count((Network) space
          .workload(c).orElseThrow()).macs(), 0);
    }
  }

  @Test
  void theCapAndIllegalGenesAreViolationsThatSaySo() {
    double smallest = SupernetStudy.macs(MiniSubnet.smallest());
    OfaMiniSpace capped = new OfaMiniSpace(smallest);
    assertEquals(Optional.empty(), capped.violation(OfaMiniSpace.candidate(
        MiniSubnet.smallest())));
    String v = capped.violation(OfaMiniSpace.candidate(MiniSubnet.largest())).orElseThrow();
    assertTrue(v.endsWith("MACs, above the cap " + (long) smallest), v);
    Map<String, Object> genes = new LinkedHashMap<>(OfaMiniSpace.candidate(
        MiniSubnet.smallest()).values());
    genes.put("ks_4", 4);
    assertTrue(capped.violation(Candidate.of(genes)).orElseThrow().contains("ks_4"));
  }
}
