/**
 * Bayesian optimisation: the {@code gp-ei} optimizer, a Gaussian-process surrogate with a Matérn
 * 5/2 kernel whose hyper-parameters are fitted by maximum likelihood, expected improvement
 * weighted by the probability of feasibility, batch asks by Kriging believer or constant liar.
 */
package dev.lathe.plugin.baselines.bayes;
