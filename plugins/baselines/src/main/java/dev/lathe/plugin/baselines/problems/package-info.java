/**
 * Standard test problems of optimisation (Branin, Hartmann-6, ZDT1), each offered under one id
 * as both a search space and an evaluator that computes its objectives exactly in double
 * precision.
 */
package dev.lathe.plugin.baselines.problems;
