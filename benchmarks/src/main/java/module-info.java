/** Benchmarks of the Lathe kernel beside peers measured in the same run. */
module dev.lathe.benchmarks {
  requires dev.lathe.core;
  requires dev.lathe.nd4j;
  requires com.fasterxml.jackson.databind;
  requires org.jgrapht.core;
  requires java.management;

  uses dev.lathe.api.spi.GraphAlgorithmProvider;

  exports dev.lathe.benchmarks;
}
