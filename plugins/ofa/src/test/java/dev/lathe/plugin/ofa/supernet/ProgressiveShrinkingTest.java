package dev.lathe.plugin.ofa.supernet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Progressive shrinking on the shipped Fashion-MNIST slice, a few steps. */
class ProgressiveShrinkingTest {

  @Test
  void thePhasesFollowThePapersOrderAndShareTheBudget() {
    assertEquals(List.of("full", "kernel", "depth-34", "depth-234", "expand-46", "expand-346"),
        ProgressiveShrinking.PROGRESSIVE.stream().map(ProgressiveShrinking.Phase::name).toList());
    assertEquals(1.0, ProgressiveShrinking.PROGRESSIVE.stream()
        .mapToDouble(ProgressiveShrinking.Phase::share).sum(), 1e-12);
    assertEquals(List.of(false, false, false, false, true, true),
        ProgressiveShrinking.PROGRESSIVE.stream().map(ProgressiveShrinking.Phase::sortChannels)
            .toList());
    assertEquals(1, ProgressiveShrinking.ALL_AT_ONCE.size());
  }

  @Test
  void trainsSubnetsOfEachPhaseAndRecalibratesBatchNorm() throws Exception {
    ImageSet train = ImageSet.fashionMnist("train", 32, MiniSubnet.RESOLUTIONS);
    ImageSet test = ImageSet.fashionMnist("t10k", 20, MiniSubnet.RESOLUTIONS);
    assertEquals(32, train.size());
    ElasticSupernet net = new ElasticSupernet(1);
    List<ProgressiveShrinking.Phase> phases = List.of(ProgressiveShrinking.PROGRESSIVE.get(1),
        ProgressiveShrinking.PROGRESSIVE.get(5));
    List<ProgressiveShrinking.Step> steps = new ArrayList<>();
    ProgressiveShrinking.train(net, train, phases, new ProgressiveShrinking.Config(8, 4, 1, 3e-3,
        7), steps::add);
    assertEquals(List.of("kernel", "kernel", "expand-346", "expand-346"),
        steps.stream().map(ProgressiveShrinking.Step::phase).toList());
    for (ProgressiveShrinking.Step s : steps) {
      assertTrue(Double.isFinite(s.largestLoss()) && s.largestLoss() > 0, s.toString());
      assertEquals(1, s.subnets().size());
      MiniSubnet subnet = s.subnets().get(0);
      if (s.phase().equals("kernel")) {
        assertEquals(List.of(4, 4, 4), subnet.depths(), "the kernel phase keeps full depth");
        assertTrue(subnet.expands().stream().allMatch(e -> e == 6));
      }
    }
    MiniSubnet small = MiniSubnet.uniform(3, 3, 2, 20);
    Map<String, INDArray[]> recalibrated = ProgressiveShrinking.recalibrate(net, small, train);
    INDArray[] running = net.runningStatistics().get("blocks.1.conv.inverted_bottleneck.bn");
    assertNotEquals(running[0], recalibrated.get("blocks.1.conv.inverted_bottleneck.bn")[0]);
    double withRecalibration = ProgressiveShrinking.accuracy(net, small, train, test);
    double without = ProgressiveShrinking.accuracy(net, small, null, test);
    assertTrue(withRecalibration >= 0 && withRecalibration <= 1);
    assertTrue(without >= 0 && without <= 1);
  }
}
