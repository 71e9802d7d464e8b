/**
 * The {@code baselines} reproduction: checks the test problems' published optima and Pareto
 * front against their implementations here.
 */
package dev.lathe.plugin.baselines.reproduce;
