/** The reproduction {@code ofa}: Once-for-All's claims checked at small scale on this machine. */
package dev.lathe.plugin.ofa.reproduce;
