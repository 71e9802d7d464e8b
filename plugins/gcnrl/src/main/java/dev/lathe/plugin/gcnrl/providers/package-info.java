/** The plugin's providers: the circuit space, the SPICE evaluator and the GCN-RL agent. */
package dev.lathe.plugin.gcnrl.providers;
