package dev.lathe.plugin.ofa;

import dev.lathe.api.model.Network;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.Settings;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code ofa-mbv3}: one subnet of Once-for-All's MobileNetV3 space as a network, e.g.
 * {@code lathe cost ofa-mbv3 --set ks=7 --set e=6 --set d=4 --set r=224 --set w=1.0} (the
 * largest, 566.17M MACs and 7.665M parameters under {@code conv-linear}). {@code ks} and
 * {@code e} take one value for every block or 20 values, {@code d} one value for every stage or
 * 5 values.
 */
public final class OfaNetworkProvider implements NetworkProvider {

  /** The network's id. */
  public static final String ID = "ofa-mbv3";

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, Ofa.VERSION, "A subnet of Once-for-All's MobileNetV3 space",
        Ofa.REQUIRES).withPaper(Ofa.PAPER, Ofa.PAPER_TITLE);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.of("ks", ParameterSpec.Type.INTEGER_LIST, "7",
            "depthwise kernel size (3, 5, 7): one for every block, or 20 values"),
        ParameterSpec.of("e", ParameterSpec.Type.INTEGER_LIST, "6",
            "expand ratio (3, 4, 6): one for every block, or 20 values"),
        ParameterSpec.of("d", ParameterSpec.Type.INTEGER_LIST, "4",
            "blocks kept per stage (2, 3, 4): one for every stage, or 5 values"),
        ParameterSpec.integer("r", 224, "input resolution: 128 to 224 in steps of 4")
            .range(128, 224),
        ParameterSpec.real("w", 1.0, "width multiplier: 1.0 or 1.2").range(1.0, 1.2),
        ParameterSpec.integer("classes", 1000, "classes of the classifier (1000 for ImageNet)")
            .range(1, 1_000_000));
  }

  @Override
  public Network create(PluginContext context) {
    Settings s = context.settings();
    Subnet subnet = new Subnet(genes(s, "ks", Subnet.BLOCKS), genes(s, "e", Subnet.BLOCKS),
        genes(s, "d", Subnet.STAGES), s.getInt("r"), s.getDouble("w"));
    return OfaMobileNetV3.network(subnet, s.getInt("classes"));
  }

  private static List<Integer> genes(Settings s, String key, int count) {
    List<Long> values = s.getLongList(key);
    if (values.size() == 1) {
      return Collections.nCopies(count, Math.toIntExact(values.get(0)));
    }
    if (values.size() != count) {
      throw new IllegalArgumentException("network '" + ID + "': setting '" + key + "' has "
          + values.size() + " values; give one for all or " + count + ", one per "
          + (count == Subnet.BLOCKS ? "block" : "stage"));
    }
    List<Integer> genes = new ArrayList<>();
    for (long v : values) {
      genes.add((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v)));
    }
    return genes;
  }
}
