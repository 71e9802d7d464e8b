/**
 * The ledger's blocks: SHA-256 hash-chained headers over the Merkle root of their records, their
 * byte format, and the check that walks a chain and names the first block that fails.
 */
package dev.lathe.plugin.chainsplitter.chain;
