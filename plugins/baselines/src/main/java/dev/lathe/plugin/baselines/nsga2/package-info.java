/**
 * NSGA-II (Deb et al., 2002) for two or more objectives over any search space: fast
 * non-dominated sorting with constraint-domination, crowding distance, binary tournaments,
 * simulated binary crossover and polynomial mutation, in generational ask/tell form.
 */
package dev.lathe.plugin.baselines.nsga2;
