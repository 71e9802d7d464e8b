/**
 * Once-for-All's accuracy predictor: an MLP over the one-hot encoding of a subnet, and Kendall's
 * rank correlation to judge it.
 */
package dev.lathe.plugin.ofa.predictor;
