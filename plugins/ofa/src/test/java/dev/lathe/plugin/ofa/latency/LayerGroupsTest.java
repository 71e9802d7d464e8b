package dev.lathe.plugin.ofa.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lathe.api.model.Network;
import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.plugin.ofa.OfaMobileNetV3;
import dev.lathe.plugin.ofa.Subnet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OFA networks cut into the groups that a latency table keys. */
class LayerGroupsTest {

  private final Network largest = OfaMobileNetV3.network(Subnet.largest(1.0), 1000);
  private final List<LayerGroups.Group> groups = LayerGroups.of(largest);

  @Test
  void groupsAreTheStemTheBlocksAndTheHead() {
    assertEquals(27, groups.size());
    assertEquals("first_conv", groups.get(0).name());
    assertEquals("blocks.0", groups.get(1).name());
    assertEquals("blocks.20", groups.get(21).name());
    assertEquals(List.of("final_expand_layer", "global_avg_pool", "feature_mix_layer",
        "flatten", "classifier"), groups.subList(22, 27).stream().map(LayerGroups.Group::name)
        .toList());
    assertEquals("blocks.7", LayerGroups.groupOf("blocks.7.conv.depth_conv.bn"));
    assertEquals("first_conv", LayerGroups.groupOf("first_conv.bn"));
    assertEquals("classifier", LayerGroups.groupOf("classifier"));
  }

  @Test
  void theGroupsCostWhatTheNetworkCosts() {
    double macs = 0;
    double params = 0;
    for (LayerGroups.Group g : groups) {
      macs += CostConventions.convLinear().count(g.network()).macs();
      params += CostConventions.convLinear().count(g.network()).params();
    }
    assertEquals(566_170_656, (long) macs);
    assertEquals(7_664_760, (long) params);
  }

  @Test
  void equalBlocksShareASignatureWhereverTheyAre() {
    // blocks 2, 3 and 4 of stage 1 are equal (24 → 144 → 24, stride 1, residual); block 1 strides
    assertEquals(groups.get(3).signature(), groups.get(4).signature());
    assertNotEquals(groups.get(2).signature(), groups.get(3).signature());
    assertEquals("input0[24, 56, 56]", groups.get(3).signature().split("; ")[0]);
    Network shallow = OfaMobileNetV3.network(Subnet.uniform(7, 6, 2, 224, 1.0), 1000);
    assertEquals(groups.get(3).signature(), LayerGroups.of(shallow).get(3).signature());
  }
}
