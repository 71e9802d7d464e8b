/**
 * The {@code chainsplitter} result store: trial records kept in a ChainSplitter ledger, so that
 * every record of an experiment is tamper-evident and the results folder keeps only the newest
 * blocks.
 */
package dev.lathe.plugin.chainsplitter.store;
