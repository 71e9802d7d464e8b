/**
 * Metrics with units and origins, and the {@link dev.lathe.api.metric.Evaluator} extension
 * point that turns a candidate into them.
 */
package dev.lathe.api.metric;
