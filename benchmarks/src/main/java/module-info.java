/** Benchmarks of the Lathe kernel beside peers measured in the same run. */
module dev.lathe.benchmarks {
  requires dev.lathe.core;
  requires dev.lathe.nd4j;
  requires com.fasterxml.jackson.databind;

  exports dev.lathe.benchmarks;

  provides dev.lathe.api.spi.EvaluatorProvider with dev.lathe.benchmarks.SleepEvaluatorProvider;
}
