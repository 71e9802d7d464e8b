/**
 * The reproduction of ChainSplitter's IIoT case study: real sensor readings fed through
 * simulated IIoT networks into ledgers with a local overlay and a cloud tier.
 */
package dev.lathe.plugin.chainsplitter.reproduce;
