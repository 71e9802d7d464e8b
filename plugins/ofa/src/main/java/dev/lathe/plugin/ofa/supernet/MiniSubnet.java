package dev.lathe.plugin.ofa.supernet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One subnet of the scaled-down elastic supernet ({@link ElasticSupernet}): the genes of
 * Once-for-All's space (kernel size 3, 5 or 7 and expand ratio 3, 4 or 6 per block; depth 2, 3
 * or 4 per stage; a resolution) over 3 stages of up to 4 blocks and the resolutions 16 to 28 in
 * steps of 4. Genes are named {@code ks_i}, {@code e_i}, {@code d_s} and {@code r}; an illegal
 * value is refused naming its gene.
 *
 * @param kernels the depthwise kernel size of each of the 12 blocks
 * @param expands the expand ratio of each of the 12 blocks
 * @param depths the blocks each of the 3 stages keeps
 * @param resolution the input resolution
 */
public record MiniSubnet(List<Integer> kernels, List<Integer> expands, List<Integer> depths,
    int resolution) {

  /** The elastic stages. */
  public static final int STAGES = 3;
  /** The most blocks a stage has. */
  public static final int MAX_DEPTH = 4;
  /** The elastic blocks. */
  public static final int BLOCKS = STAGES * MAX_DEPTH;
  /** The kernel sizes. */
  public static final List<Integer> KERNELS = List.of(3, 5, 7);
  /** The expand ratios. */
  public static final List<Integer> EXPANDS = List.of(3, 4, 6);
  /** The depths. */
  public static final List<Integer> DEPTHS = List.of(2, 3, 4);
  /** The resolutions. */
  public static final List<Integer> RESOLUTIONS = List.of(16, 20, 24, 28);
  /** The length of {@link #oneHot()}: six values per block, one per resolution. */
  public static final int ENCODING_LENGTH = BLOCKS * 6 + RESOLUTIONS.size();

  /** Checks every gene, naming the first that is illegal. */
  public MiniSubnet {
    kernels = genes("ks", kernels, BLOCKS, KERNELS);
    expands = genes("e", expands, BLOCKS, EXPANDS);
    depths = genes("d", depths, STAGES, DEPTHS);
    if (!RESOLUTIONS.contains(resolution)) {
      throw new IllegalArgumentException("gene 'r' = " + resolution + " is not one of "
          + RESOLUTIONS);
    }
  }

  /** The subnet with one kernel size, expand ratio and depth everywhere. */
  public static MiniSubnet uniform(int kernel, int expand, int depth, int resolution) {
    return new MiniSubnet(Collections.nCopies(BLOCKS, kernel), Collections.nCopies(BLOCKS, expand),
        Collections.nCopies(STAGES, depth), resolution);
  }

  /** The largest subnet: kernel 7, expand 6, depth 4, resolution 28. */
  public static MiniSubnet largest() {
    return uniform(7, 6, 4, 28);
  }

  /** The smallest subnet: kernel 3, expand 3, depth 2, resolution 16. */
  public static MiniSubnet smallest() {
    return uniform(3, 3, 2, 16);
  }

  /**
   * A subnet drawn uniformly from the given choices, independently per gene.
   *
   * @param kernels the kernel sizes to draw from
   * @param expands the expand ratios to draw from
   * @param depths the depths to draw from
   * @param resolutions the resolutions to draw from
   * @param random the source of randomness
   */
  public static MiniSubnet sample(List<Integer> kernels, List<Integer> expands,
      List<Integer> depths, List<Integer> resolutions, RandomGenerator random) {
    List<Integer> k = new ArrayList<>();
    List<Integer> e = new ArrayList<>();
    List<Integer> d = new ArrayList<>();
    for (int b = 0; b < BLOCKS; b++) {
      k.add(kernels.get(random.nextInt(kernels.size())));
      e.add(expands.get(random.nextInt(expands.size())));
    }
    for (int s = 0; s < STAGES; s++) {
      d.add(depths.get(random.nextInt(depths.size())));
    }
    return new MiniSubnet(k, e, d, resolutions.get(random.nextInt(resolutions.size())));
  }

  /** Whether block {@code block} is part of this subnet. */
  public boolean active(int block) {
    return block % MAX_DEPTH < depths.get(block / MAX_DEPTH);
  }

  /** This subnet at another resolution. */
  public MiniSubnet withResolution(int r) {
    return new MiniSubnet(kernels, expands, depths, r);
  }

  /**
   * Once-for-All's encoding for its accuracy predictor: per block a one-hot kernel size and a
   * one-hot expand ratio (zeros for a skipped block), then a one-hot resolution.
   */
  public double[] oneHot() {
    double[] x = new double[ENCODING_LENGTH];
    for (int b = 0; b < BLOCKS; b++) {
      if (active(b)) {
        x[b * 6 + KERNELS.indexOf(kernels.get(b))] = 1;
        x[b * 6 + 3 + EXPANDS.indexOf(expands.get(b))] = 1;
      }
    }
    x[BLOCKS * 6 + RESOLUTIONS.indexOf(resolution)] = 1;
    return x;
  }

  @Override
  public String toString() {
    return "r" + resolution + " d" + join(depths) + " ks" + join(kernels) + " e" + join(expands);
  }

  private static String join(List<Integer> v) {
    return String.join(",", v.stream().map(String::valueOf).toList());
  }

  private static List<Integer> genes(String name, List<Integer> values, int count,
      List<Integer> allowed) {
    if (values == null || values.size() != count) {
      throw new IllegalArgumentException("genes '" + name + "_0'…'" + name + "_" + (count - 1)
          + "': expected " + count + " values, got " + (values == null ? 0 : values.size()));
    }
    for (int i = 0; i < count; i++) {
      if (!allowed.contains(values.get(i))) {
        throw new IllegalArgumentException("gene '" + name + "_" + i + "' = " + values.get(i)
            + " is not one of " + allowed);
      }
    }
    return List.copyOf(values);
  }
}
