/**
 * Benchmarks of the Lathe kernel beside peers measured in the same run. Plugins are reached
 * through exported API only: the kernel's embedding API ({@code Lathe.accelerator},
 * {@code Lathe.graphAlgorithm}) creates them from the module path.
 */
module dev.lathe.benchmarks {
  requires dev.lathe.core;
  requires dev.lathe.nd4j;
  requires com.fasterxml.jackson.databind;
  requires org.jgrapht.core;
  requires java.management;

  exports dev.lathe.benchmarks;

  provides dev.lathe.api.spi.EvaluatorProvider with dev.lathe.benchmarks.SleepEvaluatorProvider;
}
