/**
 * The ledger: a block connector that journals records and seals them into blocks by size or
 * time, a local overlay that keeps the newest blocks on disk, and a cloud connector that ships
 * sealed blocks to the cloud tier, reconciles after either side was down, and evicts shipped
 * blocks from the overlay.
 */
package dev.lathe.plugin.chainsplitter.ledger;
