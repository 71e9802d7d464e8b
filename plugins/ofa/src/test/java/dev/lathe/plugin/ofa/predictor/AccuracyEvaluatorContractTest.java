package dev.lathe.plugin.ofa.predictor;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.plugin.ofa.supernet.MiniSubnet;
import dev.lathe.plugin.ofa.supernet.OfaMiniSpace;
import dev.lathe.testkit.tck.EvaluatorContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The evaluator {@code ofa} on a predictor trained on made-up accuracies and saved. */
class AccuracyEvaluatorContractTest extends EvaluatorContract {

  @TempDir
  static Path folder;

  @BeforeAll
  static void savePredictor() throws IOException {
    AccuracyPredictorTest.trained(40, 3).save(folder.resolve("predictor.json"), Map.of());
  }

  @Override
  protected EvaluatorProvider provider() {
    return new AccuracyEvaluatorProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("predictor", folder.resolve("predictor.json").toString());
  }

  @Override
  protected List<Candidate> candidates() {
    return List.of(OfaMiniSpace.candidate(MiniSubnet.smallest()),
        OfaMiniSpace.candidate(MiniSubnet.largest()),
        OfaMiniSpace.candidate(MiniSubnet.uniform(5, 4, 3, 20)));
  }
}
