/**
 * How this module reaches ND4J on the class path, keeps ND4J's prints off standard output, and
 * reports the backend to provenance; never exported.
 */
package dev.lathe.nd4j.internal;
