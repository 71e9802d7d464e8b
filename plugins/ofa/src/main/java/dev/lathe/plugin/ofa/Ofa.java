package dev.lathe.plugin.ofa;

import dev.lathe.api.spi.PluginInfo;
import java.math.BigInteger;

/**
 * The plugin {@code ofa}: its descriptor, shared by its search space, accelerator and
 * reproduction, and the size of its space.
 */
public final class Ofa {

  /** The plugin id. */
  public static final String ID = "ofa";
  /** The plugin's version. */
  static final String VERSION = "0.1.0";
  /** The API range it needs. */
  static final String REQUIRES = "[0.1,1.0)";
  /** Once-for-All's arXiv id. */
  static final String PAPER = "1908.09791";
  /** Once-for-All's title. */
  static final String PAPER_TITLE =
      "Once-for-All: Train One Network and Specialize it for Efficient Deployment";

  /**
   * The number of distinct architectures at one resolution and width: each stage of depth
   * {@code d} has {@code 9^d} kernel–expand choices, so {@code (9² + 9³ + 9⁴)⁵ = 7371⁵}.
   */
  public static final BigInteger ARCHITECTURES = BigInteger.valueOf(9 * 9 + 9 * 9 * 9
      + 9 * 9 * 9 * 9).pow(Subnet.STAGES);
  /** The number of distinct subnets: {@link #ARCHITECTURES} × 25 resolutions × 2 widths. */
  public static final BigInteger SUBNETS = ARCHITECTURES
      .multiply(BigInteger.valueOf(Subnet.RESOLUTIONS.size()))
      .multiply(BigInteger.valueOf(Subnet.WIDTHS.size()));

  private static final PluginInfo INFO = PluginInfo.of(ID, VERSION, "Once-for-All: elastic"
      + " MobileNetV3 space of 7371^5 = " + ARCHITECTURES + " architectures × "
      + Subnet.RESOLUTIONS.size() + " resolutions × " + Subnet.WIDTHS.size() + " widths = "
      + SUBNETS + " subnets", REQUIRES).withPaper(PAPER, PAPER_TITLE);

  /** The id of the scaled-down space that the supernet trains and the predictor scores. */
  public static final String MINI_ID = "ofa-mini";

  private static final PluginInfo MINI_INFO = PluginInfo.of(MINI_ID, VERSION, "Once-for-All's"
      + " scaled-down space for Fashion-MNIST (3 stages of up to 4 blocks, resolutions 16-28),"
      + " the one the elastic supernet trains and the accuracy predictor scores", REQUIRES)
      .withPaper(PAPER, PAPER_TITLE);

  private Ofa() {}

  /** The descriptor of the space {@value #MINI_ID}. */
  public static PluginInfo miniInfo() {
    return MINI_INFO;
  }

  /** The descriptor every provider of the plugin shares; its title states the space's size. */
  public static PluginInfo info() {
    return INFO;
  }
}
