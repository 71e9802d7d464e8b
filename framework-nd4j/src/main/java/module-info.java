/**
 * Execution and training with ND4J and SameDiff for plugins: a training loop with its
 * optimizers, learning-rate schedules and versioned checkpoints, and the tensor backend's facts
 * for every experiment's provenance. ND4J is provided by the host on the class path (its jars
 * cannot be named modules): this module reads the unnamed module at run time.
 */
module dev.lathe.nd4j {
  requires dev.lathe.api;
  requires static org.apiguardian.api;
  requires org.slf4j;
  requires com.fasterxml.jackson.databind;
  // ND4J's JavaCPP uses sun.misc.Unsafe; launched with -m nothing else resolves this module.
  requires jdk.unsupported;

  exports dev.lathe.nd4j;
  exports dev.lathe.nd4j.network;
  exports dev.lathe.nd4j.train;

  provides dev.lathe.api.spi.PlatformInfoProvider with
      dev.lathe.nd4j.internal.Nd4jPlatformInfo;
}
