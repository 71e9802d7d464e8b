package dev.lathe.plugin.ofa.predictor;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.plugin.ofa.Ofa;
import dev.lathe.plugin.ofa.supernet.MiniSubnet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Creates the evaluator {@code ofa}, which serves the accuracy that a trained
 * {@link AccuracyPredictor} predicts for candidates of the space {@value Ofa#MINI_ID}; the
 * predictor is the file {@code lathe reproduce ofa} saves
 * ({@code results/reproduce/ofa/ofa-mini-predictor.json}).
 */
public final class AccuracyEvaluatorProvider implements EvaluatorProvider {

  @Override
  public PluginInfo info() {
    return Ofa.info();
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.of("predictor", ParameterSpec.Type.PATH,
        "ofa-mini-predictor.json", "the accuracy predictor's JSON file, as 'lathe reproduce"
        + " ofa' saves it in results/reproduce/ofa/"));
  }

  @Override
  public Evaluator create(PluginContext context) {
    Path file = context.settings().getPath("predictor");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("evaluator '" + Ofa.ID + "': no accuracy predictor at "
          + file + "; run 'lathe reproduce ofa' (it saves"
          + " results/reproduce/ofa/ofa-mini-predictor.json) and set 'predictor' to that file");
    }
    try {
      AccuracyPredictor predictor = AccuracyPredictor.load(file);
      int inputs = MiniSubnet.ENCODING_LENGTH;
      if (predictor.inputs() != inputs) {
        throw new IllegalArgumentException("evaluator '" + Ofa.ID + "': predictor " + file
            + " reads encodings of " + predictor.inputs() + " values, not " + inputs
            + " (space '" + Ofa.MINI_ID + "')");
      }
      context.logger().info("accuracy predictor {} loaded", file);
      return new AccuracyEvaluator(predictor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
