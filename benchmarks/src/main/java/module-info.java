/** Benchmarks of the Lathe kernel beside peers measured in the same run. */
module dev.lathe.benchmarks {
  requires dev.lathe.core;
  requires dev.lathe.nd4j;
  requires dev.lathe.plugin.sparch;
  requires com.fasterxml.jackson.databind;

  exports dev.lathe.benchmarks;
}
