package dev.lathe.plugin.micronet;

import dev.lathe.api.compress.Model;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.testkit.tck.CompressorContract;
import java.util.Map;

class DistillContractTest extends CompressorContract {

  @Override
  protected CompressorProvider provider() {
    return new DistillProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("steps", "4", "top_k", "3");
  }

  @Override
  protected Model model() {
    NetworkModel teacher = SmallCnnFixture.model();
    return teacher.with(teacher.task().withTeacher(teacher));
  }
}
