package dev.lathe.plugin.chainsplitter.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  private static List<byte[]> records(int n) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(("record " + i).getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void rootsMatchRfc6962() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Sha256.hex(MerkleTree.root(List.of())));
    assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        Sha256.hex(MerkleTree.root(List.of(new byte[0]))));
    byte[] a = Sha256.of(HexFormat.of().parseHex("00" + "61"));
    byte[] b = Sha256.of(HexFormat.of().parseHex("00" + "62"));
    byte[] c = Sha256.of(HexFormat.of().parseHex("00" + "63"));
    byte[] ab = Sha256.of(HexFormat.of().parseHex("01" + Sha256.hex(a) + Sha256.hex(b)));
    byte[] abc = Sha256.of(HexFormat.of().parseHex("01" + Sha256.hex(ab) + Sha256.hex(c)));
    assertArrayEquals(abc, MerkleTree.root(List.of("a".getBytes(StandardCharsets.US_ASCII),
        "b".getBytes(StandardCharsets.US_ASCII), "c".getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void everyProofVerifiesAndOnlyForItsRecord() {
    for (int n = 1; n <= 17; n++) {
      List<byte[]> records = records(n);
      byte[] root = MerkleTree.root(records);
      for (int i = 0; i < n; i++) {
        List<MerkleTree.ProofStep> proof = MerkleTree.proof(records, i);
        assertTrue(MerkleTree.verify(records.get(i), proof, root), n + " records, record " + i);
        assertTrue(proof.size() <= 32 - Integer.numberOfLeadingZeros(n - 1) + 1);
        assertFalse(MerkleTree.verify(("forged " + i).getBytes(StandardCharsets.UTF_8), proof,
            root), n + " records, forged record " + i);
      }
    }
  }

  @Test
  void reorderedOrDuplicatedRecordsChangeTheRoot() {
    List<byte[]> three = records(3);
    List<byte[]> swapped = List.of(three.get(1), three.get(0), three.get(2));
    List<byte[]> padded = List.of(three.get(0), three.get(1), three.get(2), three.get(2));
    assertFalse(Sha256.hex(MerkleTree.root(three)).equals(Sha256.hex(MerkleTree.root(swapped))));
    assertFalse(Sha256.hex(MerkleTree.root(three)).equals(Sha256.hex(MerkleTree.root(padded))));
  }
}
