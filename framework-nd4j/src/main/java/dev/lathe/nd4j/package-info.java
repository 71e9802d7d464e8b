/**
 * ND4J as Lathe's tensor backend: what it runs on, for provenance, and the SameDiff calls that
 * would otherwise print to standard output. ND4J itself is provided by the host on the class
 * path; see {@code docs/training.md}.
 */
package dev.lathe.nd4j;
