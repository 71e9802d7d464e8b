/**
 * The SPICE backend: decks (netlist, control commands, result names), ngspice run as a process
 * or in-process through libngspice's shared API, robust parsing of its output, and failures
 * reported as failures, never as numbers.
 */
package dev.lathe.plugin.gcnrl.spice;
