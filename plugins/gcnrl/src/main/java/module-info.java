/**
 * GCN-RL circuit designer (arXiv:2005.00406): transistor sizing on ngspice (as processes or
 * in-process through libngspice), circuits, technology nodes, the figure of merit, and the
 * graph-convolutional DDPG agent. It exports nothing: the providers are found by ServiceLoader
 * and reached through the kernel.
 */
module dev.lathe.plugin.gcnrl {
  requires dev.lathe.api;
  requires com.sun.jna;
  requires org.jfree.jfreechart;
  requires java.desktop;

  uses dev.lathe.api.spi.OptimizerProvider;

  opens dev.lathe.plugin.gcnrl.spice to com.sun.jna;

  provides dev.lathe.api.spi.OptimizerProvider with
      dev.lathe.plugin.gcnrl.providers.DdpgProvider;
  provides dev.lathe.api.spi.SearchSpaceProvider with
      dev.lathe.plugin.gcnrl.providers.CircuitSpaceProvider;
  provides dev.lathe.api.spi.EvaluatorProvider with
      dev.lathe.plugin.gcnrl.providers.CircuitEvaluatorProvider;
  provides dev.lathe.api.spi.ReproductionProvider with
      dev.lathe.plugin.gcnrl.reproduce.GcnrlReproductionProvider;
}
