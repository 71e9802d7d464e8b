/**
 * Lathe's kernel: finds plugins, reads and validates experiment files, runs experiments, keeps
 * their results, and offers all of it through the {@code lathe} command and an embedding API.
 */
module dev.lathe.core {
  requires transitive dev.lathe.api;
  requires dev.lathe.registry;
  requires static org.apiguardian.api;
  requires org.slf4j;
  requires com.fasterxml.jackson.databind;
  requires info.picocli;
  requires org.apache.commons.configuration2;
  requires org.apache.commons.text;
  requires org.apache.commons.beanutils;
  requires org.yaml.snakeyaml;
  requires pf4j;
  requires org.jfree.jfreechart;
  requires java.desktop;
  requires java.net.http;
  requires org.apache.commons.compress;

  exports dev.lathe.core;
  exports dev.lathe.core.internal.catalog to dev.lathe.testkit;
  exports dev.lathe.core.internal.cluster to dev.lathe.hazelcast;
  exports dev.lathe.core.internal.config to dev.lathe.testkit;
  exports dev.lathe.core.internal.store to dev.lathe.testkit;

  opens dev.lathe.core.internal.cli to info.picocli;

  uses dev.lathe.api.spi.SearchSpaceProvider;
  uses dev.lathe.api.spi.OptimizerProvider;
  uses dev.lathe.api.spi.EvaluatorProvider;
  uses dev.lathe.api.spi.CompressorProvider;
  uses dev.lathe.api.spi.AcceleratorProvider;
  uses dev.lathe.api.spi.GraphAlgorithmProvider;
  uses dev.lathe.api.spi.ResultStoreProvider;
  uses dev.lathe.api.spi.ExecutorProvider;
  uses dev.lathe.api.spi.ReproductionProvider;
  uses dev.lathe.api.spi.NetworkProvider;
  uses dev.lathe.api.spi.PlatformInfoProvider;

  provides dev.lathe.api.spi.ResultStoreProvider with
      dev.lathe.core.internal.store.LocalStoreProvider,
      dev.lathe.core.internal.store.MemoryStoreProvider;
  provides dev.lathe.api.spi.ExecutorProvider with
      dev.lathe.core.internal.engine.LocalExecutorProvider;
}
