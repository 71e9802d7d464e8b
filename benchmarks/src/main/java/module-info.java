/**
 * Benchmarks of the Lathe kernel beside peers measured in the same run. Plugins are reached
 * through exported API only: the SpGEMM benchmark finds the SpArch plugin's accelerator as an
 * {@code AcceleratorProvider} service on the module path.
 */
module dev.lathe.benchmarks {
  requires dev.lathe.core;
  requires dev.lathe.nd4j;
  requires com.fasterxml.jackson.databind;
  requires org.jgrapht.core;
  requires java.management;

  uses dev.lathe.api.spi.GraphAlgorithmProvider;

  exports dev.lathe.benchmarks;

  provides dev.lathe.api.spi.EvaluatorProvider with dev.lathe.benchmarks.SleepEvaluatorProvider;
  uses dev.lathe.api.spi.AcceleratorProvider;
}
