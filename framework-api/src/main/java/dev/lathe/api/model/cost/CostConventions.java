package dev.lathe.api.model.cost;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** The built-in cost conventions, by id; {@code docs/cost-accounting.md} states their rules. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CostConventions {

  /** The id of the default convention, Once-for-All's {@code conv-linear}. */
  public static final String DEFAULT = "conv-linear";

  private static final List<CostConvention> ALL = List.of(
      new ConvLinearConvention(), new TorchprofileConvention(), new MicronetConvention());

  private CostConventions() {}

  /** Once-for-All's: MACs of convolutions and linear layers only; all parameters. */
  public static CostConvention convLinear() {
    return ALL.get(0);
  }

  /** GAN Compression's, torchprofile 0.0.2's rules. */
  public static CostConvention torchprofile() {
    return ALL.get(1);
  }

  /** The MicroNet challenge's: bit-scaled multiplications, additions, other operations. */
  public static CostConvention micronet() {
    return ALL.get(2);
  }

  /** Every built-in convention, the default first. */
  public static List<CostConvention> all() {
    return ALL;
  }

  /** The built-in convention with id {@code id}. */
  public static Optional<CostConvention> find(String id) {
    return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
  }
}
