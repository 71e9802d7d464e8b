package dev.lathe.testkit.tck;

import dev.lathe.api.spi.ExecutorProvider;
import java.util.Map;

class ThreadPoolExecutorContractTest extends TrialExecutorContract {

  @Override
  protected ExecutorProvider provider() {
    return new ThreadPoolExecutorProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("threads", "3");
  }
}
