package dev.lathe.plugin.ofa.supernet;

import dev.lathe.api.Workload;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.CategoricalDimension;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.plugin.ofa.Ofa;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scaled-down space of {@link MiniSubnet} as a {@link SearchSpace} ({@value Ofa#MINI_ID}):
 * categorical genes {@code ks_0}…{@code ks_11}, {@code e_0}…{@code e_11}, {@code d_0}…{@code d_2}
 * and {@code r}; each candidate's workload is its {@link MiniNetwork}. An optional cap on MACs
 * ({@code conv-linear}) makes every subnet above it a violation.
 */
public final class OfaMiniSpace implements SearchSpace {

  private final List<Dimension> dimensions;
  private final double maxMacs;

  /**
   * A space.
   *
   * @param maxMacs the largest MACs a subnet may have, or 0 for no cap
   */
  public OfaMiniSpace(double maxMacs) {
    List<Dimension> dims = new ArrayList<>();
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      dims.add(new CategoricalDimension("ks_" + b, List.copyOf(MiniSubnet.KERNELS)));
    }
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      dims.add(new CategoricalDimension("e_" + b, List.copyOf(MiniSubnet.EXPANDS)));
    }
    for (int s = 0; s < MiniSubnet.STAGES; s++) {
      dims.add(new CategoricalDimension("d_" + s, List.copyOf(MiniSubnet.DEPTHS)));
    }
    dims.add(new CategoricalDimension("r", List.copyOf(MiniSubnet.RESOLUTIONS)));
    this.dimensions = List.copyOf(dims);
    this.maxMacs = maxMacs;
  }

  @Override
  public String id() {
    return Ofa.MINI_ID;
  }

  @Override
  public List<Dimension> dimensions() {
    return dimensions;
  }

  /**
   * The subnet {@code candidate} stands for.
   *
   * @throws IllegalArgumentException naming the gene, if a gene is missing or illegal
   */
  public static MiniSubnet subnet(Candidate candidate) {
    Map<String, Object> v = candidate.values();
    List<Integer> k = new ArrayList<>();
    List<Integer> e = new ArrayList<>();
    List<Integer> d = new ArrayList<>();
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      k.add(gene(v, "ks_" + b));
      e.add(gene(v, "e_" + b));
    }
    for (int s = 0; s < MiniSubnet.STAGES; s++) {
      d.add(gene(v, "d_" + s));
    }
    return new MiniSubnet(k, e, d, gene(v, "r"));
  }

  /** The candidate that stands for {@code subnet}. */
  public static Candidate candidate(MiniSubnet subnet) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      values.put("ks_" + b, subnet.kernels().get(b));
    }
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      values.put("e_" + b, subnet.expands().get(b));
    }
    for (int s = 0; s < MiniSubnet.STAGES; s++) {
      values.put("d_" + s, subnet.depths().get(s));
    }
    values.put("r", subnet.resolution());
    return Candidate.of(values);
  }

  private static int gene(Map<String, Object> values, String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("space '" + Ofa.MINI_ID + "': gene '" + name
          + "' has no value");
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new IllegalArgumentException("space '" + Ofa.MINI_ID + "': gene '" + name + "' = "
          + v + " is not an integer");
    }
    return n.intValue();
  }

  /**
   * Why {@code candidate} is not a subnet of this space: a missing, extra or illegal gene
   * (named), or MACs above the cap.
   */
  @Override
  public Optional<String> violation(Candidate candidate) {
    Optional<String> shape = SearchSpace.super.violation(candidate);
    if (shape.isPresent()) {
      return shape;
    }
    MiniSubnet subnet;
    try {
      subnet = subnet(candidate);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    if (maxMacs > 0) {
      double macs = SupernetStudy.macs(subnet);
      if (macs > maxMacs) {
        return Optional.of("subnet " + subnet + " has " + (long) macs + " MACs, above the cap "
            + (long) maxMacs);
      }
    }
    return Optional.empty();
  }

  /** The subnet's network, which accelerators cost. */
  @Override
  public Optional<Workload> workload(Candidate candidate) {
    return Optional.of(MiniNetwork.network(subnet(candidate)));
  }
}
