/**
 * Circuits to size (two-stage Miller op-amp, two- and three-stage transimpedance amplifiers),
 * technology nodes from open BSIM4 cards, the circuit graph over the sizing dimensions, the
 * paper's figure of merit, and the evaluator that simulates a sizing.
 */
package dev.lathe.plugin.gcnrl.circuit;
