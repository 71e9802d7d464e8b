package dev.lathe.plugin.micronet;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;

/**
 * Creates {@code micronet-score}, the MicroNet score of {@code micronet-lm} configurations; its
 * settings are the network's, the defaults the published 8-layer model.
 */
public final class MicronetScoreEvaluatorProvider implements EvaluatorProvider {

  static final String ID = "micronet-score";

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "MicroNet challenge score (size, ops, score) of a"
        + " micronet-lm configuration (arXiv:2005.07877)", "[0.1,1.0)")
        .withPaper(MicronetLmProvider.PAPER, MicronetLmProvider.PAPER_TITLE);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return new MicronetLmProvider().parameters();
  }

  @Override
  public Evaluator create(PluginContext context) {
    return new MicronetScoreEvaluator(MicronetLmProvider.model(context.settings()));
  }
}
