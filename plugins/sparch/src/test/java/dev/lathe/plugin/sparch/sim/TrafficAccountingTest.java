package dev.lathe.plugin.sparch.sim;

import static dev.lathe.plugin.sparch.sim.HandWorkedProduct.A;
import static dev.lathe.plugin.sparch.sim.HandWorkedProduct.C;
import static dev.lathe.plugin.sparch.sim.HandWorkedProduct.config;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** DRAM traffic by category on {@link HandWorkedProduct}, every byte count worked out by hand. */
class TrafficAccountingTest {

  @Test
  void outerSpaceWritesAndReadsEveryPartialProduct() {
    Simulation sim = new OuterSpaceSimulator(config(true, true, BufferPolicy.PREFETCHER))
        .simulate(A, A);
    // A by columns: 5 entries x 12 + 4 column pointers x 4 = 76 -> 5 lines = 80
    // B: 4 row pointers x 4 = 16 (1 line); rows 0, 1, 2 once, 2 lines each: 6 x 16 = 96
    // partial products: 8 x (4 + 4 + 8) = 128, written and read back
    // C: 6 entries x 12 + 4 row pointers x 4 = 88 -> 6 lines = 96
    assertEquals(new Traffic(80, 16 + 96, 128, 128, 96), sim.traffic());
    assertEquals(544, sim.traffic().total());
    // multiply phase: max(ceil((80 + 112 + 128) / 16), 8 / 2) = 20;
    // merge phase: max(ceil((128 + 96) / 16), 8 / 2) = 14
    assertEquals(34, sim.cycles());
    assertEquals(8, sim.partialProducts());
    assertEquals(C, sim.product());
  }

  @Test
  void condensedSparchWithThePrefetcherKeepsPartialsOnChip() {
    Simulation sim = new SparchSimulator(config(true, true, BufferPolicy.PREFETCHER))
        .simulate(A, A);
    // condensed columns: {r0: col 0, r1: col 1, r2: col 0} and {r0: col 1, r2: col 2}; one round
    // A by rows: 5 entries x 12 + 4 row pointers x 4 = 76 -> 80
    // B row requests r0: B0, B1; r1: B1; r2: B0, B2 -> lines 0 1 | 1 2 | 1 2 | 0 1 | 2 3;
    // Belady with 2 lines misses 0, 1, 2, then 0 (bypassing the buffer), then 3: 5 x 16 = 80,
    // plus the row pointers' line: 16
    // C: 96 as for OuterSPACE; no partial matrix leaves the chip
    assertEquals(new Traffic(80, 16 + 80, 0, 0, 96), sim.traffic());
    assertEquals(2, sim.partialMatrices());
    assertEquals(1, sim.rounds());
    // one round: max(ceil(272 / 16), 8 / 2, merger ceil((5 + 3) / 2) + 1 level) = 17
    assertEquals(17, sim.cycles());
    assertEquals(C, sim.product());
  }

  @Test
  void anLruBufferMissesMoreThanThePrefetcher() {
    Simulation sim = new SparchSimulator(config(true, true, BufferPolicy.LRU)).simulate(A, A);
    // lines 0 1 | 1 2 | 1 2 | 0 1 | 2 3 through 2 LRU lines: 0 1 (hit 1) 2 (hits 1 2) 0 1 2 3
    assertEquals(new Traffic(80, 16 + 7 * 16, 0, 0, 96), sim.traffic());
  }

  @Test
  void withoutABufferEveryRequestReadsItsLines() {
    Simulation sim = new SparchSimulator(config(true, true, BufferPolicy.NONE)).simulate(A, A);
    // 5 requests of 2 lines each
    assertEquals(new Traffic(80, 16 + 10 * 16, 0, 0, 96), sim.traffic());
  }

  @Test
  void withoutCondensingTheHuffmanScheduleSpillsOneRound() {
    Simulation sim = new SparchSimulator(config(false, true, BufferPolicy.LRU)).simulate(A, A);
    // leaves: column 0 (4 elements), 1 (2), 2 (2); a 2-input tree: Huffman merges 1 and 2 first
    // round 0: A columns 1, 2: 3 entries x 12 + 3 pointers x 4 = 48; B1, B2: lines 1 2 2 3 ->
    //   3 misses = 48; output (0,1) 6, (1,1) 9, (2,0) 20, (2,2) 25: 4 x 16 = 64 written
    // round 1: A column 0: 2 x 12 + 2 x 4 = 32; B0: lines 0 1 -> 2 misses = 32; reads 64 back
    assertEquals(new Traffic(48 + 32, 16 + 48 + 32, 64, 64, 96), sim.traffic());
    assertEquals(3, sim.partialMatrices());
    assertEquals(2, sim.rounds());
    assertEquals(C, sim.product());
  }

  @Test
  void inOrderSchedulingSpillsMore() {
    Simulation sim = new SparchSimulator(config(false, false, BufferPolicy.LRU)).simulate(A, A);
    // rounds {0, 1} -> node 3, then {2, 3} -> C (leaf 2 is carried up a level)
    // round 0: A columns 0, 1: 4 x 12 + 3 x 4 = 60 -> 64; B0, B1: lines 0 1 1 2 -> 3 misses;
    //   output (0,0) 1, (0,1) 8, (1,1) 9, (2,0) 4, (2,1) 8: 5 x 16 = 80 written
    // round 1: A column 2: 12 + 2 x 4 = 20 -> 32; B2: lines 2 3 -> line 2 is still buffered,
    //   1 miss = 16; reads the 80 bytes back and writes C
    assertEquals(new Traffic(64 + 32, 16 + 48 + 16, 80, 80, 96), sim.traffic());
    assertEquals(432, sim.traffic().total());
    assertEquals(2, sim.rounds());
    assertEquals(C, sim.product());
  }
}
