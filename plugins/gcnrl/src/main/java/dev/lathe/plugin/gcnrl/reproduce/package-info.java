/**
 * The {@code gcnrl} reproduction: GCN-DDPG against MLP-DDPG, the baselines plugin's optimizers,
 * Optuna's TPE and human sizings at equal simulation budgets, and transfer experiments.
 */
package dev.lathe.plugin.gcnrl.reproduce;
