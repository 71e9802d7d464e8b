/**
 * The GCN-RL agent: DDPG with graph-convolutional actor and critic (weights shared by all
 * vertices), or MLPs when the space has no graph, in plain Java arrays; transfer by saving and
 * loading the networks.
 */
package dev.lathe.plugin.gcnrl.agent;
