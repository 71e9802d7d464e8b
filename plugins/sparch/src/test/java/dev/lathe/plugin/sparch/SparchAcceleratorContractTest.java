package dev.lathe.plugin.sparch;

import dev.lathe.api.Workload;
import dev.lathe.api.sparse.SparseProduct;
import dev.lathe.api.spi.AcceleratorProvider;
import dev.lathe.api.sparse.MatrixGenerators;
import dev.lathe.testkit.tck.AcceleratorContract;
import java.util.List;

/** The accelerator {@code sparch} against the test kit's contract. */
class SparchAcceleratorContractTest extends AcceleratorContract {

  @Override
  protected AcceleratorProvider provider() {
    return new SparchAcceleratorProvider();
  }

  @Override
  protected List<Workload> workloads() {
    return List.of(SparseProduct.square("rmat-8", MatrixGenerators.rmat(8, 4, 1)),
        new SparseProduct("uniform", MatrixGenerators.uniform(200, 4, 2),
            MatrixGenerators.uniform(200, 3, 3)));
  }
}
