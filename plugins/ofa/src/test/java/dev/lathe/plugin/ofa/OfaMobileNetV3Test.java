package dev.lathe.plugin.ofa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.model.Network;
import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.api.model.cost.CostReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The networks of OFA's space, counted under {@code conv-linear} against the paper's anchors. */
class OfaMobileNetV3Test {

  private static CostReport cost(Subnet subnet) {
    return CostConventions.convLinear().count(OfaMobileNetV3.network(subnet, 1000));
  }

  @Test
  void largestSubnetHas566Point17MillionMacsAnd7Point665MillionParameters() {
    CostReport c = cost(Subnet.largest(1.0));
    assertEquals("566.17", String.format(Locale.ROOT, "%.2f", c.macs() / 1e6));
    assertEquals("7.665", String.format(Locale.ROOT, "%.3f", c.params() / 1e6));
    assertEquals(566_170_656, (long) c.macs());
    assertEquals(7_664_760, (long) c.params());
  }

  @Test
  void smallestSubnetAndTheWiderSupernetAreCountedExactly() {
    CostReport small = cost(Subnet.smallest(1.0));
    assertEquals(41_476_224, (long) small.macs());
    assertEquals(3_410_792, (long) small.params());
    CostReport wide = cost(Subnet.largest(1.2));
    assertEquals(843_101_040, (long) wide.macs());
    assertEquals(10_701_632, (long) wide.params());
  }

  @Test
  void widthsFollowMakeDivisible() {
    assertEquals(List.of(16, 16, 24, 40, 80, 112, 160, 960, 1280), widths(1.0));
    assertEquals(List.of(24, 24, 32, 48, 96, 136, 192, 1152, 1536), widths(1.2));
  }

  private static List<Integer> widths(double w) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < OfaMobileNetV3.BASE_WIDTHS.size(); i++) {
      out.add(OfaMobileNetV3.width(i, w));
    }
    return out;
  }

  @Test
  void skippedBlocksAreLeftOutAndTheirGenesDoNotMatter() {
    Subnet shallow = Subnet.uniform(5, 4, 2, 160, 1.0);
    Network n = OfaMobileNetV3.network(shallow, 10);
    long blocks = n.nodes().stream().filter(x -> x.name().startsWith("blocks."))
        .map(x -> x.name().split("\\.")[1]).distinct().count();
    assertEquals(11, blocks, "the first block and 2 per stage");
    List<Integer> kernels = new ArrayList<>(shallow.kernels());
    kernels.set(3, 7);
    Subnet other = new Subnet(kernels, shallow.expands(), shallow.depths(), 160, 1.0);
    assertEquals(cost(shallow).macs(), cost(other).macs());
    assertEquals(shallow.canonical(), other.canonical());
  }

  @Test
  void middleChannelsAreMakeDivisibleOfInputTimesExpandAndSqueezeExcitationAQuarter() {
    Network n = OfaMobileNetV3.network(Subnet.largest(1.0), 1000);
    // stage 2 (40 channels, SE): block 5 is its first block, reading 24 channels
    assertEquals(List.of(144, 56, 56),
        n.node("blocks.5.conv.inverted_bottleneck.conv").shape().dims());
    assertTrue(n.node("blocks.5.conv.depth_conv.se").layer().toString().contains("144"));
    assertTrue(n.node("blocks.5.conv.depth_conv.se").layer().toString().contains("40"));
  }

  @Test
  void invalidGenesAreRefusedByName() {
    List<Integer> kernels = new ArrayList<>(Collections.nCopies(20, 3));
    kernels.set(4, 4);
    IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () ->
        new Subnet(kernels, Collections.nCopies(20, 3), Collections.nCopies(5, 2), 128, 1.0));
    assertEquals("gene 'ks_4' = 4 is not a kernel size of OFA-MobileNetV3 (3,5,7)",
        k.getMessage());
    IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () ->
        new Subnet(Collections.nCopies(20, 3), Collections.nCopies(20, 3),
            List.of(2, 3, 4, 5, 2), 128, 1.0));
    assertEquals("gene 'd_3' = 5 is not a stage depth of OFA-MobileNetV3 (2,3,4)",
        d.getMessage());
    IllegalArgumentException r = assertThrows(IllegalArgumentException.class, () ->
        Subnet.uniform(3, 3, 2, 130, 1.0));
    assertEquals("gene 'r' = 130 is not a resolution of OFA-MobileNetV3 (128 to 224 in steps"
        + " of 4)", r.getMessage());
    IllegalArgumentException w = assertThrows(IllegalArgumentException.class, () ->
        Subnet.uniform(3, 3, 2, 128, 1.1));
    assertEquals("gene 'w' = 1.1 is not a width multiplier of OFA-MobileNetV3 (1.0 or 1.2)",
        w.getMessage());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        new Subnet(Collections.nCopies(20, 3), Collections.nCopies(19, 3),
            Collections.nCopies(5, 2), 128, 1.0));
    assertEquals("genes 'e_0'…'e_19': expected 20 values, got 19", e.getMessage());
  }
}
