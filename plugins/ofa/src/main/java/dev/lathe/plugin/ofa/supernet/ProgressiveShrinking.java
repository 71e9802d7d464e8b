package dev.lathe.plugin.ofa.supernet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Trains an {@link ElasticSupernet} phase by phase (Once-for-All, arXiv:1908.09791, section
 * 3.2): each step draws a resolution and a batch, trains the largest subnet of the phase on the
 * labels, and {@code subnetsPerStep} subnets drawn from the phase's choices on the labels plus
 * the largest subnet's probabilities (in-place distillation), summing their gradients into one
 * Adam update. Each phase starts a fresh Adam state with the learning rate on a cosine to 0;
 * phases marked so sort the middle channels by importance first.
 */
final class ProgressiveShrinking {

  /**
   * One phase.
   *
   * @param name the phase's name
   * @param kernels the kernel sizes drawn
   * @param expands the expand ratios drawn
   * @param depths the depths drawn
   * @param sortChannels whether to sort the middle channels before the phase
   * @param share the phase's share of the steps
   */
  record Phase(String name, List<Integer> kernels, List<Integer> expands, List<Integer> depths,
      boolean sortChannels, double share) {}

  /**
   * The paper's order: the full network, then elastic kernel, elastic depth (3–4, then 2–4),
   * elastic width (4–6, then 3–6, sorting channels before each); the shares follow the paper's
   * epochs (180, 120, 25, 120, 25, 120) with the first phase shortened to a quarter.
   */
  static final List<Phase> PROGRESSIVE = List.of(
      new Phase("full", List.of(7), List.of(6), List.of(4), false, 0.25),
      new Phase("kernel", List.of(3, 5, 7), List.of(6), List.of(4), false, 0.20),
      new Phase("depth-34", List.of(3, 5, 7), List.of(6), List.of(3, 4), false, 0.05),
      new Phase("depth-234", List.of(3, 5, 7), List.of(6), List.of(2, 3, 4), false, 0.20),
      new Phase("expand-46", List.of(3, 5, 7), List.of(4, 6), List.of(2, 3, 4), true, 0.05),
      new Phase("expand-346", List.of(3, 5, 7), List.of(3, 4, 6), List.of(2, 3, 4), true, 0.25));

  /** The ablation: every elastic dimension from the first step, at the same budget. */
  static final List<Phase> ALL_AT_ONCE = List.of(
      new Phase("all", List.of(3, 5, 7), List.of(3, 4, 6), List.of(2, 3, 4), false, 1.0));

  /**
   * The training set-up.
   *
   * @param steps the updates over all phases
   * @param batch the images per step
   * @param subnetsPerStep the subnets drawn per step beside the largest
   * @param rate Adam's peak learning rate
   * @param seed the seed of the draws of resolutions, batches and subnets
   */
  record Config(int steps, int batch, int subnetsPerStep, double rate, long seed) {}

  /**
   * What one step did.
   *
   * @param phase the phase's name
   * @param step the step's index over all phases
   * @param largestLoss the largest subnet's loss
   * @param subnets the subnets trained beside the largest
   */
  record Step(String phase, int step, double largestLoss, List<MiniSubnet> subnets) {}

  /** The steps between two collections of the arrays that training left unreachable. */
  static final int RELEASE_EVERY = 10;

  private ProgressiveShrinking() {}

  /**
   * Collects the garbage now, so that ND4J frees the native memory of unreachable arrays. Their
   * Java objects are small, so the heap alone would rarely trigger a collection: measured on the
   * supernet at batch 32, the process grew by about 150 MB per training step without it and
   * stayed at 3.5 GB with it, and a full run without it was killed for memory at 22 GB.
   */
  static void releaseNativeMemory() {
    System.gc();
  }

  /** Trains {@code net} on {@code data} through {@code phases}, reporting each step. */
  static void train(ElasticSupernet net, ImageSet data, List<Phase> phases, Config config,
      Consumer<Step> listener) {
    SplittableRandom random = new SplittableRandom(config.seed());
    int step = 0;
    for (Phase phase : phases) {
      int steps = (int) Math.round(phase.share() * config.steps());
      if (phase.sortChannels()) {
        net.sortChannels();
      }
      Adam adam = new Adam(config.rate(), steps);
      MiniSubnet largest = new MiniSubnet(nCopies(max(phase.kernels())),
          nCopies(max(phase.expands())), List.of(max(phase.depths()), max(phase.depths()),
          max(phase.depths())), MiniSubnet.RESOLUTIONS.get(MiniSubnet.RESOLUTIONS.size() - 1));
      boolean elastic = phase.kernels().size() > 1 || phase.expands().size() > 1
          || phase.depths().size() > 1;
      for (int i = 0; i < steps; i++, step++) {
        int r = MiniSubnet.RESOLUTIONS.get(random.nextInt(MiniSubnet.RESOLUTIONS.size()));
        int[] rows = new int[config.batch()];
        for (int j = 0; j < rows.length; j++) {
          rows[j] = random.nextInt(data.size());
        }
        INDArray x = Nd4j.pullRows(data.images(r).reshape(data.size(), -1), 1, rows)
            .reshape(rows.length, 1, r, r);
        INDArray y = Nd4j.pullRows(data.labels(), 1, rows);
        OutAndGrad teacherPass = net.gradients(largest.withResolution(r), x, y, null);
        net.updateRunningStatistics(teacherPass.getOutputs());
        Map<String, INDArray> gradients = new HashMap<>(teacherPass.getGradients());
        INDArray teacher = Transforms.softmax(teacherPass.getOutputs().get("logits"), true);
        List<MiniSubnet> sampled = new ArrayList<>();
        for (int k = 0; elastic && k < config.subnetsPerStep(); k++) {
          MiniSubnet s = MiniSubnet.sample(phase.kernels(), phase.expands(), phase.depths(),
              List.of(r), random);
          OutAndGrad pass = net.gradients(s, x, y, teacher);
          net.updateRunningStatistics(pass.getOutputs());
          pass.getGradients().forEach((name, g) -> gradients.get(name).addi(g));
          sampled.add(s);
        }
        adam.update(net, gradients);
        if (step % RELEASE_EVERY == RELEASE_EVERY - 1) {
          releaseNativeMemory();
        }
        listener.accept(new Step(phase.name(), step, teacherPass.getOutputs().get("loss")
            .getDouble(0), sampled));
      }
    }
  }

  /**
   * The accuracy of {@code subnet} on {@code test}, in inference mode on batch-norm statistics
   * recalibrated on {@code calibration} (the mean over batches of 200 of each batch's mean and
   * variance, as OFA's {@code set_running_statistics}), or on the running statistics kept while
   * training when {@code calibration} is null.
   */
  static double accuracy(ElasticSupernet net, MiniSubnet subnet, ImageSet calibration,
      ImageSet test) {
    Map<String, INDArray[]> stats = calibration == null ? net.runningStatistics()
        : recalibrate(net, subnet, calibration);
    int r = subnet.resolution();
    int correct = 0;
    for (int from = 0; from < test.size(); from += 500) {
      int to = Math.min(test.size(), from + 500);
      INDArray logits = net.logits(subnet, test.images(r).get(NDArrayIndex.interval(from, to))
          .dup(), stats);
      INDArray predicted = logits.argMax(1);
      for (int i = from; i < to; i++) {
        if (predicted.getInt(i - from) == test.label(i)) {
          correct++;
        }
      }
    }
    return (double) correct / test.size();
  }

  /** Batch-norm statistics of {@code subnet} over {@code calibration}, in batches of 200. */
  static Map<String, INDArray[]> recalibrate(ElasticSupernet net, MiniSubnet subnet,
      ImageSet calibration) {
    Map<String, INDArray[]> sum = new LinkedHashMap<>();
    int batches = 0;
    for (int from = 0; from < calibration.size(); from += 200, batches++) {
      int to = Math.min(calibration.size(), from + 200);
      Map<String, INDArray[]> batch = net.batchStatistics(subnet, calibration
          .images(subnet.resolution()).get(NDArrayIndex.interval(from, to)).dup());
      for (Map.Entry<String, INDArray[]> e : batch.entrySet()) {
        INDArray[] acc = sum.computeIfAbsent(e.getKey(), k -> new INDArray[] {
            e.getValue()[0].mul(0), e.getValue()[1].mul(0)});
        acc[0].addi(e.getValue()[0]);
        acc[1].addi(e.getValue()[1]);
      }
    }
    for (INDArray[] acc : sum.values()) {
      acc[0].divi(batches);
      acc[1].divi(batches);
    }
    return sum;
  }

  private static int max(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).max().orElseThrow();
  }

  private static List<Integer> nCopies(int v) {
    return java.util.Collections.nCopies(MiniSubnet.BLOCKS, v);
  }

  /** Adam (Kingma and Ba) with its learning rate on a cosine from {@code rate} to 0. */
  private static final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    private final double rate;
    private final int steps;
    private final Map<String, INDArray[]> moments = new HashMap<>();
    private int t;

    Adam(double rate, int steps) {
      this.rate = rate;
      this.steps = Math.max(1, steps);
    }

    void update(ElasticSupernet net, Map<String, INDArray> gradients) {
      double lr = rate * (1 + Math.cos(Math.PI * Math.min(t, steps) / steps)) / 2;
      t++;
      double correction = Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
      for (String name : net.parameterNames()) {
        INDArray g = gradients.get(name);
        INDArray[] m = moments.computeIfAbsent(name, k -> new INDArray[] {g.mul(0), g.mul(0)});
        m[0].muli(BETA1).addi(g.mul(1 - BETA1));
        m[1].muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
        net.parameter(name).subi(m[0].div(Transforms.sqrt(m[1], true).addi(EPSILON))
            .muli(lr * correction));
      }
    }
  }
}
