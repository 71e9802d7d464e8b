/**
 * What the kernel and a distributed executor share: the recipe from which a worker rebuilds an
 * experiment's evaluator chain, the plain-data wire form of trial attempts and outcomes, and the
 * provider interface through which the kernel hands a cluster executor its session and starts
 * workers. Exported only to the executor modules that implement it.
 */
package dev.lathe.core.internal.cluster;
