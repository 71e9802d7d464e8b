/**
 * Once-for-All's elastic supernet at small scale: a scaled-down MobileNetV3 whose subnets share
 * weights (elastic kernel, width, depth and resolution), trained on Fashion-MNIST with
 * progressive shrinking and in-place distillation, with batch-norm recalibration before any
 * subnet is evaluated.
 */
package dev.lathe.plugin.ofa.supernet;
