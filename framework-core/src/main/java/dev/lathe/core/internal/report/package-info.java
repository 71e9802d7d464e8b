/**
 * The report of an experiment's result folder: {@code trials.csv}, {@code summary.json},
 * {@code summary.md}, and history and Pareto-front plots drawn with JFreeChart.
 */
package dev.lathe.core.internal.report;
