package dev.lathe.plugin.gcnrl.providers;

import dev.lathe.api.spi.PluginInfo;

/** What every provider of this plugin declares: its version, the API range and the paper. */
public final class GcnrlPlugin {

  /** GCN-RL's arXiv id. */
  static final String PAPER = "2005.00406";
  /** GCN-RL's title. */
  static final String PAPER_TITLE = "GCN-RL Circuit Designer: Transferable Transistor Sizing"
      + " with Graph Neural Networks and Reinforcement Learning";

  private GcnrlPlugin() {}

  /** The description of the provider of {@code id}, doing what {@code description} says. */
  public static PluginInfo info(String id, String description) {
    return PluginInfo.of(id, "0.1.0", description, "[0.1,1.0)").withPaper(PAPER, PAPER_TITLE);
  }
}
