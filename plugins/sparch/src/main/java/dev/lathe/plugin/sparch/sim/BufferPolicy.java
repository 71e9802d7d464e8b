package dev.lathe.plugin.sparch.sim;

/** How the datapath reads rows of B from DRAM. */
public enum BufferPolicy {
  /** No on-chip buffer: every request reads its row's lines from DRAM. */
  NONE,
  /** A buffer of the prefetcher's size used as a plain cache: least recently used line out. */
  LRU,
  /** SpArch's row prefetcher: lookahead into A and Belady's replacement. */
  PREFETCHER
}
