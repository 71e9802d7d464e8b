package dev.lathe.plugin.micronet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.testkit.tck.SearchSpaceContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CnnModelSpaceContractTest extends SearchSpaceContract {

  /** Two updates on the test slice (256 training images): enough to make a model, fast. */
  static final Map<String, String> QUICK = Map.of("steps", "2", "train-images", "192",
      "validation-images", "64");

  @Override
  protected SearchSpaceProvider provider() {
    return new CnnModelSpaceProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return QUICK;
  }

  @Override
  protected int sampleCount() {
    return 3;
  }

  @Test
  void eachCandidateIsItsCnnTrainedIntoAModel() {
    NetworkModel model = (NetworkModel) newSpace().workload(Candidate.of(Map.of("conv1", 4,
        "conv2", 8, "hidden", 16))).orElseThrow();
    assertEquals("cnn-4-8-16", model.architecture());
    // conv1 1→4 3×3 + bias, conv2 4→8 3×3 + bias, fc1 (8·5·5)→16 + bias, fc2 16→10 + bias
    assertEquals(40 + 296 + 3216 + 170, model.parameterCount());
    assertEquals(192, model.task().train().size());
    assertEquals(64, model.task().validation().size());
    assertTrue(model.task().teacher().isEmpty());
  }
}
