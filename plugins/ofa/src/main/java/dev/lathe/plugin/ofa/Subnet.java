package dev.lathe.plugin.ofa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One subnet of Once-for-All's MobileNetV3 space (arXiv:1908.09791, section 3.1): a kernel size
 * and an expand ratio per block (20 blocks in 5 elastic stages of up to 4), a depth per stage, the
 * input resolution and the width multiplier. A stage of depth {@code d} keeps its first {@code d}
 * blocks; the genes of the blocks it skips do not change the network.
 *
 * <p>Genes are named {@code ks_0}…{@code ks_19}, {@code e_0}…{@code e_19}, {@code d_0}…{@code d_4},
 * {@code r} and {@code w}; an illegal value is refused naming its gene.
 *
 * @param kernels the depthwise kernel size of each of the 20 blocks: 3, 5 or 7
 * @param expands the expand ratio of each of the 20 blocks: 3, 4 or 6
 * @param depths the number of blocks each of the 5 stages keeps: 2, 3 or 4
 * @param resolution the input resolution: 128 to 224 in steps of 4
 * @param width the width multiplier: 1.0 or 1.2
 */
public record Subnet(List<Integer> kernels, List<Integer> expands, List<Integer> depths,
    int resolution, double width) {

  /** The elastic stages. */
  public static final int STAGES = 5;
  /** The most blocks a stage has. */
  public static final int MAX_DEPTH = 4;
  /** The elastic blocks, {@code STAGES × MAX_DEPTH}. */
  public static final int BLOCKS = STAGES * MAX_DEPTH;
  /** The kernel sizes a block may take. */
  public static final List<Integer> KERNELS = List.of(3, 5, 7);
  /** The expand ratios a block may take. */
  public static final List<Integer> EXPANDS = List.of(3, 4, 6);
  /** The depths a stage may take. */
  public static final List<Integer> DEPTHS = List.of(2, 3, 4);
  /** The resolutions, 128 to 224 in steps of 4. */
  public static final List<Integer> RESOLUTIONS = resolutions();
  /** The width multipliers; each is a separate supernet in the paper. */
  public static final List<Double> WIDTHS = List.of(1.0, 1.2);

  /** Checks every gene, naming the first that is illegal. */
  public Subnet {
    kernels = genes("ks", kernels, BLOCKS, KERNELS, "kernel size");
    expands = genes("e", expands, BLOCKS, EXPANDS, "expand ratio");
    depths = genes("d", depths, STAGES, DEPTHS, "stage depth");
    if (!RESOLUTIONS.contains(resolution)) {
      throw new IllegalArgumentException("gene 'r' = " + resolution
          + " is not a resolution of OFA-MobileNetV3 (128 to 224 in steps of 4)");
    }
    if (!WIDTHS.contains(width)) {
      throw new IllegalArgumentException("gene 'w' = " + format(width)
          + " is not a width multiplier of OFA-MobileNetV3 (1.0 or 1.2)");
    }
  }

  /** The largest subnet at width {@code width}: kernel 7, expand 6, depth 4, resolution 224. */
  public static Subnet largest(double width) {
    return uniform(7, 6, 4, 224, width);
  }

  /** The smallest subnet at width {@code width}: kernel 3, expand 3, depth 2, resolution 128. */
  public static Subnet smallest(double width) {
    return uniform(3, 3, 2, 128, width);
  }

  /** The subnet with one kernel size, expand ratio and depth everywhere. */
  public static Subnet uniform(int kernel, int expand, int depth, int resolution, double width) {
    return new Subnet(Collections.nCopies(BLOCKS, kernel), Collections.nCopies(BLOCKS, expand),
        Collections.nCopies(STAGES, depth), resolution, width);
  }

  /** Whether block {@code block} (0 to 19) is part of this subnet. */
  public boolean active(int block) {
    return block % MAX_DEPTH < depths.get(block / MAX_DEPTH);
  }

  /**
   * This subnet with the genes of skipped blocks set to the smallest choices, so that subnets
   * with equal networks are equal.
   */
  public Subnet canonical() {
    List<Integer> k = new ArrayList<>(kernels);
    List<Integer> e = new ArrayList<>(expands);
    for (int b = 0; b < BLOCKS; b++) {
      if (!active(b)) {
        k.set(b, KERNELS.get(0));
        e.set(b, EXPANDS.get(0));
      }
    }
    return new Subnet(k, e, depths, resolution, width);
  }

  /** A short text such as {@code w1.0 r224 d4,4,4,4,4 ks7,… e6,…}. */
  @Override
  public String toString() {
    return "w" + format(width) + " r" + resolution + " d" + join(depths) + " ks" + join(kernels)
        + " e" + join(expands);
  }

  private static String join(List<Integer> values) {
    return String.join(",", values.stream().map(String::valueOf).toList());
  }

  static String format(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static List<Integer> genes(String name, List<Integer> values, int count,
      List<Integer> allowed, String what) {
    if (values == null || values.size() != count) {
      throw new IllegalArgumentException("genes '" + name + "_0'…'" + name + "_" + (count - 1)
          + "': expected " + count + " values, got " + (values == null ? 0 : values.size()));
    }
    for (int i = 0; i < count; i++) {
      Integer v = values.get(i);
      if (v == null || !allowed.contains(v)) {
        throw new IllegalArgumentException("gene '" + name + "_" + i + "' = " + v + " is not a "
            + what + " of OFA-MobileNetV3 (" + join(allowed) + ")");
      }
    }
    return List.copyOf(values);
  }

  private static List<Integer> resolutions() {
    List<Integer> r = new ArrayList<>();
    for (int v = 128; v <= 224; v += 4) {
      r.add(v);
    }
    return List.copyOf(r);
  }
}
