package dev.lathe.plugin.chainsplitter.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockTest {

  private static final Instant T0 = Instant.parse("2026-11-27T12:00:00.123Z");

  static List<Block> chain(int blocks, int recordsPerBlock) {
    List<Block> out = new ArrayList<>();
    byte[] previous = Block.GENESIS_PREVIOUS;
    for (int b = 0; b < blocks; b++) {
      List<byte[]> records = new ArrayList<>();
      for (int r = 0; r < recordsPerBlock; r++) {
        records.add(("{\"block\":" + b + ",\"record\":" + r + "}").getBytes(StandardCharsets.UTF_8));
      }
      Block block = Block.seal(b, T0.plusSeconds(b), previous, records);
      out.add(block);
      previous = block.hash();
    }
    return out;
  }

  @Test
  void encodesAndDecodesExactly() throws CorruptBlockException {
    Block b = chain(2, 5).get(1);
    byte[] bytes = b.encode();
    assertEquals(Block.HEADER_BYTES + 32 + 5 * 4 + b.records().stream().mapToInt(r -> r.length)
        .sum(), bytes.length);
    Block back = Block.decode(bytes);
    assertEquals(b, back);
    assertEquals(1, back.index());
    assertEquals(T0.plusSeconds(1), back.sealed());
    assertArrayEquals(chain(2, 5).get(0).hash(), back.previousHash());
    assertTrue(back.selfCheck().isEmpty());
  }

  @Test
  void anEmptyBlockIsValid() throws CorruptBlockException {
    Block b = Block.seal(0, T0, Block.GENESIS_PREVIOUS, List.of());
    assertTrue(Block.decode(b.encode()).selfCheck().isEmpty());
  }

  @Test
  void flippingAnyByteOfAnyBlockNamesThatBlock() {
    List<Block> chain = chain(3, 4);
    List<byte[]> stored = chain.stream().map(Block::encode).toList();
    int flips = 0;
    for (int target = 0; target < stored.size(); target++) {
      for (int at = 0; at < stored.get(target).length; at++) {
        ChainCheck check = new ChainCheck();
        String problem = null;
        int failed = -1;
        for (int i = 0; i < stored.size() && problem == null; i++) {
          byte[] bytes = stored.get(i).clone();
          if (i == target) {
            bytes[at] ^= (byte) (1 << (at % 8));
          }
          ChainCheck.Outcome o = check.next(bytes);
          if (!o.passed()) {
            problem = o.problem().orElseThrow();
            failed = i;
          }
        }
        assertEquals(target, failed, "a flip at byte " + at + " of block " + target
            + " was blamed on block " + failed + ": " + problem);
        flips++;
      }
    }
    assertEquals(stored.stream().mapToInt(b -> b.length).sum(), flips);
  }

  @Test
  void intactChainPassesAndCounts() {
    ChainCheck check = new ChainCheck();
    for (Block b : chain(4, 3)) {
      assertTrue(check.next(b.encode()).passed());
    }
    assertEquals(4, check.blocks());
    assertEquals(12, check.records());
    assertArrayEquals(chain(4, 3).get(3).hash(), check.head());
  }

  @Test
  void aBlockFromAnotherChainBreaksTheLink() {
    List<Block> chain = chain(2, 2);
    Block foreign = Block.seal(1, T0, new byte[32], List.of(new byte[] {1}));
    ChainCheck check = new ChainCheck();
    assertTrue(check.next(chain.get(0).encode()).passed());
    ChainCheck.Outcome o = check.next(foreign.encode());
    assertFalse(o.passed());
    assertTrue(o.problem().orElseThrow().contains("does not link to block 0"), o.toString());
  }

  @Test
  void truncatedBytesAreCorrupt() {
    byte[] bytes = chain(1, 3).get(0).encode();
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
    CorruptBlockException e = assertThrows(CorruptBlockException.class, () -> Block.decode(cut));
    assertTrue(e.getMessage().contains("record 2 claims"), e.getMessage());
  }
}
