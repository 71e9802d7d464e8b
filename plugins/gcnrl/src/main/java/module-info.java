/**
 * GCN-RL circuit designer (arXiv:2005.00406): transistor sizing on ngspice with circuits,
 * technology nodes, a figure of merit, and a graph-convolutional DDPG agent.
 */
module dev.lathe.plugin.gcnrl {
  requires dev.lathe.api;
  requires com.sun.jna;

  exports dev.lathe.plugin.gcnrl.spice;
  exports dev.lathe.plugin.gcnrl.circuit;
  opens dev.lathe.plugin.gcnrl.spice to com.sun.jna;
}
