package dev.lathe.plugin.ofa;

import dev.lathe.api.Workload;
import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.CategoricalDimension;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Once-for-All's MobileNetV3 space as a {@link SearchSpace}: 47 genes, {@code ks_i} and
 * {@code e_i} for the 20 blocks, {@code d_s} for the 5 stages, {@code r} and {@code w}
 * (see {@link Subnet}); or, at the {@link Granularity#UNIFORM uniform} granularity, the 1,350
 * subnets with one kernel size, expand ratio and depth everywhere (genes {@code ks}, {@code e},
 * {@code d}, {@code r}, {@code w}), small enough for a grid. The resolutions may be restricted
 * to a subset of the paper's.
 *
 * <p>With the {@link Encoding#CATEGORICAL categorical} encoding each gene is a categorical
 * dimension over its choices; with the {@link Encoding#CONTINUOUS continuous} one each is a real
 * dimension in [0, 1] split into equal cells, one per choice, for optimizers that search real
 * spaces only (CMA-ES). An optional cap on MACs ({@code conv-linear}) makes every subnet above
 * it a violation, which the default sampling and variation reject, as OFA's evolution does.
 */
public final class OfaSpace implements SearchSpace {

  /** How genes become dimensions. */
  public enum Encoding {
    /** One categorical dimension per gene. */
    CATEGORICAL,
    /** One real dimension in [0, 1] per gene, with one equal cell per choice. */
    CONTINUOUS
  }

  /** Which subnets the genes describe. */
  public enum Granularity {
    /** A kernel size and expand ratio per block, a depth per stage: the paper's space. */
    BLOCK,
    /** One kernel size, expand ratio and depth for the whole network. */
    UNIFORM
  }

  private final Encoding encoding;
  private final Granularity granularity;
  private final Map<String, Integer> index = new LinkedHashMap<>();
  private final double maxMacs;
  private final int classes;
  private final List<Dimension> dimensions;
  private final List<List<?>> choices;

  /**
   * A space.
   *
   * @param encoding how genes become dimensions
   * @param granularity which subnets the genes describe
   * @param resolutions the resolutions the gene {@code r} takes, a non-empty subset of
   *     {@link Subnet#RESOLUTIONS}
   * @param maxMacs the largest MACs a subnet may have, or 0 for no cap
   * @param classes the classes of each subnet's classifier
   */
  public OfaSpace(Encoding encoding, Granularity granularity, List<Integer> resolutions,
      double maxMacs, int classes) {
    if (resolutions.isEmpty() || !Subnet.RESOLUTIONS.containsAll(resolutions)
        || resolutions.stream().distinct().count() != resolutions.size()) {
      throw new IllegalArgumentException("space '" + Ofa.ID + "': resolutions " + resolutions
          + " are not distinct values of 128 to 224 in steps of 4");
    }
    this.encoding = encoding;
    this.granularity = granularity;
    this.maxMacs = maxMacs;
    this.classes = classes;
    List<Dimension> dims = new ArrayList<>();
    List<List<?>> all = new ArrayList<>();
    if (granularity == Granularity.UNIFORM) {
      add(dims, all, "ks", Subnet.KERNELS);
      add(dims, all, "e", Subnet.EXPANDS);
      add(dims, all, "d", Subnet.DEPTHS);
    } else {
      for (int b = 0; b < Subnet.BLOCKS; b++) {
        add(dims, all, "ks_" + b, Subnet.KERNELS);
      }
      for (int b = 0; b < Subnet.BLOCKS; b++) {
        add(dims, all, "e_" + b, Subnet.EXPANDS);
      }
      for (int s = 0; s < Subnet.STAGES; s++) {
        add(dims, all, "d_" + s, Subnet.DEPTHS);
      }
    }
    add(dims, all, "r", List.copyOf(resolutions));
    add(dims, all, "w", Subnet.WIDTHS);
    this.dimensions = List.copyOf(dims);
    this.choices = List.copyOf(all);
  }

  private void add(List<Dimension> dims, List<List<?>> all, String name, List<?> values) {
    index.put(name, dims.size());
    dims.add(encoding == Encoding.CATEGORICAL
        ? new CategoricalDimension(name, List.copyOf(values)) : RealDimension.of(name, 0, 1));
    all.add(values);
  }

  @Override
  public String id() {
    return Ofa.ID;
  }

  @Override
  public List<Dimension> dimensions() {
    return dimensions;
  }

  /** The paper's space: categorical genes per block, every resolution, no cap, 1000 classes. */
  public static OfaSpace paper() {
    return new OfaSpace(Encoding.CATEGORICAL, Granularity.BLOCK, Subnet.RESOLUTIONS, 0, 1000);
  }

  /** The encoding of this space's genes. */
  public Encoding encoding() {
    return encoding;
  }

  /**
   * The subnet {@code candidate} stands for.
   *
   * @throws IllegalArgumentException naming the gene, if a gene is missing or illegal
   */
  public Subnet subnet(Candidate candidate) {
    Map<String, Object> v = candidate.values();
    int r = ((Number) gene(v, "r")).intValue();
    double w = ((Number) gene(v, "w")).doubleValue();
    if (granularity == Granularity.UNIFORM) {
      return Subnet.uniform(((Number) gene(v, "ks")).intValue(),
          ((Number) gene(v, "e")).intValue(), ((Number) gene(v, "d")).intValue(), r, w);
    }
    List<Integer> k = new ArrayList<>();
    List<Integer> e = new ArrayList<>();
    List<Integer> d = new ArrayList<>();
    for (int b = 0; b < Subnet.BLOCKS; b++) {
      k.add(((Number) gene(v, "ks_" + b)).intValue());
      e.add(((Number) gene(v, "e_" + b)).intValue());
    }
    for (int s = 0; s < Subnet.STAGES; s++) {
      d.add(((Number) gene(v, "d_" + s)).intValue());
    }
    return new Subnet(k, e, d, r, w);
  }

  /**
   * The candidate of this space that stands for {@code subnet}.
   *
   * @throws IllegalArgumentException if the space is uniform and the subnet is not
   */
  public Candidate candidate(Subnet subnet) {
    List<Object> genes = new ArrayList<>();
    if (granularity == Granularity.UNIFORM) {
      Subnet uniform = Subnet.uniform(subnet.kernels().get(0), subnet.expands().get(0),
          subnet.depths().get(0), subnet.resolution(), subnet.width());
      if (!uniform.equals(subnet)) {
        throw new IllegalArgumentException("space '" + Ofa.ID + "' is uniform; subnet " + subnet
            + " is not");
      }
      genes.add(subnet.kernels().get(0));
      genes.add(subnet.expands().get(0));
      genes.add(subnet.depths().get(0));
    } else {
      genes.addAll(subnet.kernels());
      genes.addAll(subnet.expands());
      genes.addAll(subnet.depths());
    }
    genes.add(subnet.resolution());
    genes.add(subnet.width());
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < dimensions.size(); i++) {
      Object gene = genes.get(i);
      values.put(dimensions.get(i).name(), encoding == Encoding.CATEGORICAL ? gene
          : (choices.get(i).indexOf(gene) + 0.5) / choices.get(i).size());
    }
    return Candidate.of(values);
  }

  private Object gene(Map<String, Object> values, String name) {
    int i = index.get(name);
    Dimension d = dimensions.get(i);
    Object v = values.get(d.name());
    if (v == null) {
      throw new IllegalArgumentException("space '" + Ofa.ID + "': gene '" + d.name()
          + "' has no value");
    }
    if (encoding == Encoding.CATEGORICAL) {
      if (v instanceof Number) {
        return v;
      }
      throw new IllegalArgumentException("space '" + Ofa.ID + "': gene '" + d.name() + "' = "
          + v + " is not a number");
    }
    if (!(v instanceof Double u) || u < 0 || u > 1) {
      throw new IllegalArgumentException("space '" + Ofa.ID + "': gene '" + d.name() + "' = "
          + v + " is not a real in [0, 1]");
    }
    List<?> c = choices.get(i);
    return c.get(Math.min(c.size() - 1, (int) Math.floor(u * c.size())));
  }

  /**
   * Why {@code candidate} is not a subnet of this space: a missing, extra or illegal gene (named),
   * or MACs above the cap.
   */
  @Override
  public Optional<String> violation(Candidate candidate) {
    Optional<String> shape = SearchSpace.super.violation(candidate);
    if (shape.isPresent()) {
      return shape;
    }
    Subnet subnet;
    try {
      subnet = subnet(candidate);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    if (maxMacs > 0) {
      double macs = macs(subnet);
      if (macs > maxMacs) {
        return Optional.of("subnet " + subnet + " has " + (long) macs + " MACs, above the cap "
            + (long) maxMacs);
      }
    }
    return Optional.empty();
  }

  /** The subnet's MACs under {@code conv-linear}. */
  public double macs(Subnet subnet) {
    return CostConventions.convLinear().count(OfaMobileNetV3.network(subnet, classes)).macs();
  }

  /** The subnet's network, which accelerators cost. */
  @Override
  public Optional<Workload> workload(Candidate candidate) {
    return Optional.of(OfaMobileNetV3.network(subnet(candidate), classes));
  }
}
