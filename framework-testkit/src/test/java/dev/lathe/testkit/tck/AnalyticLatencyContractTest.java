package dev.lathe.testkit.tck;

import dev.lathe.api.Workload;
import dev.lathe.api.spi.AcceleratorProvider;
import dev.lathe.testkit.tck.MagnitudePruningProvider.WeightVector;
import java.util.List;

class AnalyticLatencyContractTest extends AcceleratorContract {

  @Override
  protected AcceleratorProvider provider() {
    return new AnalyticLatencyProvider();
  }

  @Override
  protected List<Workload> workloads() {
    return List.of(WeightVector.ramp(10), WeightVector.ramp(1000));
  }
}
