/**
 * The zoo's architectures, one {@link dev.lathe.api.spi.NetworkProvider} each, and the blocks
 * they share; {@code plugins/zoo/README.md} gives each one's source and counts.
 */
package dev.lathe.plugin.zoo;
