package dev.lathe.plugin.ofa.supernet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.nd4j.network.SameDiffNetwork;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The elastic operations of the supernet, checked against slices and standalone subnets. */
class ElasticSupernetTest {

  private static ElasticSupernet supernet;
  private static INDArray images;
  private static INDArray labels;

  @BeforeAll
  static void build() {
    supernet = new ElasticSupernet(3);
    Nd4j.getRandom().setSeed(5);
    images = Nd4j.rand(DataType.FLOAT, 4, 1, 20, 20);
    labels = Nd4j.zeros(DataType.FLOAT, 4, 10);
    for (int i = 0; i < 4; i++) {
      labels.putScalar(i, i % 10, 1);
    }
  }

  @Test
  void theKernelTransformsAreTheIdentityAtInitialisation() {
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      INDArray[] k = supernet.blockKernels(b);
      INDArray w7 = k[2];
      assertEquals(w7.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 6),
          NDArrayIndex.interval(1, 6)), k[1], "block " + b + ": 5×5 = centre of the 7×7");
      assertEquals(w7.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 5),
          NDArrayIndex.interval(2, 5)), k[0], "block " + b + ": 3×3 = centre of the 7×7");
      assertEquals(Nd4j.eye(25).castTo(DataType.FLOAT), supernet.parameter(
          ElasticSupernet.block(b) + ".conv.depth_conv.conv/transform_7to5"));
    }
  }

  @Test
  void aSubnetsWeightsAreExactlyTheSharedSlices() {
    MiniSubnet s = MiniSubnet.sample(MiniSubnet.KERNELS, MiniSubnet.EXPANDS, MiniSubnet.DEPTHS,
        MiniSubnet.RESOLUTIONS, new SplittableRandom(11));
    Map<String, INDArray> p = supernet.subnetParameters(s);
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      String name = ElasticSupernet.block(b);
      if (!s.active(b)) {
        assertTrue(p.keySet().stream().noneMatch(k -> k.startsWith(name + ".")), name);
        continue;
      }
      int mid = MiniNetwork.middle(b, s.expands().get(b));
      INDArray shared = supernet.parameter(name + ".conv.inverted_bottleneck.conv/weight");
      assertEquals(shared.get(NDArrayIndex.interval(0, mid), NDArrayIndex.all(),
          NDArrayIndex.all(), NDArrayIndex.all()), p.get(name
          + ".conv.inverted_bottleneck.conv/weight"), name);
      INDArray pw = supernet.parameter(name + ".conv.point_linear.conv/weight");
      assertEquals(pw.get(NDArrayIndex.all(), NDArrayIndex.interval(0, mid), NDArrayIndex.all(),
          NDArrayIndex.all()), p.get(name + ".conv.point_linear.conv/weight"), name);
      int k = s.kernels().get(b);
      int off = (7 - k) / 2;
      INDArray w7 = supernet.parameter(name + ".conv.depth_conv.conv/weight");
      assertEquals(w7.get(NDArrayIndex.interval(0, mid), NDArrayIndex.all(),
          NDArrayIndex.interval(off, off + k), NDArrayIndex.interval(off, off + k)),
          p.get(name + ".conv.depth_conv.conv/weight"), name + " kernel " + k);
    }
  }

  @Test
  void theSupernetComputesWhatTheStandaloneSubnetComputes() {
    SplittableRandom random = new SplittableRandom(2);
    {
      MiniSubnet s = MiniSubnet.sample(MiniSubnet.KERNELS, MiniSubnet.EXPANDS,
          MiniSubnet.DEPTHS, List.of(20), random);
      INDArray x = images;
      Map<String, INDArray[]> stats = supernet.batchStatistics(s, x);
      INDArray elastic = supernet.logits(s, x, stats);
      SameDiffNetwork standalone = SameDiffNetwork.build(MiniNetwork.network(s), 0);
      Map<String, INDArray> p = supernet.subnetParameters(s);
      assertEquals(p.keySet(), new java.util.HashSet<>(standalone.parameterNames()), s.toString());
      for (String name : standalone.parameterNames()) {
        standalone.parameter(name).assign(p.get(name));
      }
      supernet.subnetStatistics(s, stats).forEach((name, value) ->
          standalone.runningStatistics().get(name).assign(value));
      INDArray reference = standalone.predict(Map.of("image", x)).get("classifier");
      double error = Transforms.abs(reference.sub(elastic)).maxNumber().doubleValue();
      assertTrue(error < 1e-4, s + ": largest difference " + error);
    }
  }

  @Test
  void sortingChannelsKeepsTheLargestSubnetsFunctionAndOrdersImportance() {
    ElasticSupernet net = supernet;
    MiniSubnet largest = MiniSubnet.largest().withResolution(20);
    Map<String, INDArray[]> before = net.batchStatistics(largest, images);
    INDArray logits = net.logits(largest, images, before);
    List<int[]> orders = net.sortChannels();
    assertEquals(MiniSubnet.BLOCKS, orders.size());
    Map<String, INDArray[]> after = net.batchStatistics(largest, images);
    double error = Transforms.abs(net.logits(largest, images, after).sub(logits)).maxNumber()
        .doubleValue();
    assertTrue(error < 1e-4, "largest difference " + error);
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      double[] importance = Transforms.abs(net.parameter(ElasticSupernet.block(b)
          + ".conv.point_linear.conv/weight"), true).sum(0, 2, 3).toDoubleVector();
      for (int i = 1; i < importance.length; i++) {
        assertTrue(importance[i - 1] >= importance[i], "block " + b + " channel " + i);
      }
    }
  }

  @Test
  void gradientsReachEveryParameterOfTheChosenSubnetOnly() {
    MiniSubnet small = new MiniSubnet(java.util.Collections.nCopies(12, 5),
        java.util.Collections.nCopies(12, 3), List.of(2, 2, 2), 20);
    OutAndGrad r = supernet.gradients(small, images, labels, null);
    double loss = r.getOutputs().get("loss").getDouble(0);
    assertTrue(loss > 1 && loss < 10, "loss " + loss);
    Map<String, INDArray> g = r.getGradients();
    assertEquals(0.0, g.get("blocks.3.conv.point_linear.conv/weight").norm2Number()
        .doubleValue(), "block 3 of stage 1 is skipped at depth 2");
    assertTrue(g.get("blocks.1.conv.depth_conv.conv/transform_7to5").norm2Number()
        .doubleValue() > 0, "kernel 5 trains its transform");
    INDArray expand = g.get("blocks.2.conv.inverted_bottleneck.conv/weight");
    int mid = MiniNetwork.middle(1, 3);
    assertEquals(0.0, expand.get(NDArrayIndex.interval(mid, expand.size(0)), NDArrayIndex.all(),
        NDArrayIndex.all(), NDArrayIndex.all()).norm2Number().doubleValue(),
        "channels beyond the expand ratio's get no gradient");
    assertTrue(expand.norm2Number().doubleValue() > 0);
    // the running statistics follow PyTorch: 0.9 · old + 0.1 · batch, variance unbiased
    INDArray[] before = {supernet.runningStatistics().get("first_conv.bn")[0].dup(),
        supernet.runningStatistics().get("first_conv.bn")[1].dup()};
    supernet.updateRunningStatistics(r.getOutputs());
    double n = 4 * 10 * 10;
    assertEquals(n, r.getOutputs().get("first_conv.bn/batch_count").getDouble(0));
    INDArray expectedMean = before[0].mul(0.9).add(r.getOutputs().get("first_conv.bn/batch_mean")
        .reshape(-1).mul(0.1));
    INDArray expectedVar = before[1].mul(0.9).add(r.getOutputs().get("first_conv.bn/batch_var")
        .reshape(-1).mul(0.1 * n / (n - 1)));
    assertTrue(expectedMean.equalsWithEps(supernet.runningStatistics().get("first_conv.bn")[0],
        1e-6));
    assertTrue(expectedVar.equalsWithEps(supernet.runningStatistics().get("first_conv.bn")[1],
        1e-6));
  }
}
