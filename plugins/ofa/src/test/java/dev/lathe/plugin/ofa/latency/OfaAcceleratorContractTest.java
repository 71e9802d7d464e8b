package dev.lathe.plugin.ofa.latency;

import dev.lathe.api.Workload;
import dev.lathe.api.spi.AcceleratorProvider;
import dev.lathe.plugin.ofa.OfaMobileNetV3;
import dev.lathe.plugin.ofa.Subnet;
import dev.lathe.testkit.tck.AcceleratorContract;
import java.util.List;

/** The accelerator {@code ofa} without a latency table: MACs and parameters of OFA subnets. */
class OfaAcceleratorContractTest extends AcceleratorContract {

  @Override
  protected AcceleratorProvider provider() {
    return new OfaAcceleratorProvider();
  }

  @Override
  protected List<Workload> workloads() {
    return List.of(OfaMobileNetV3.network(Subnet.smallest(1.0), 1000),
        OfaMobileNetV3.network(Subnet.largest(1.2), 10));
  }
}
