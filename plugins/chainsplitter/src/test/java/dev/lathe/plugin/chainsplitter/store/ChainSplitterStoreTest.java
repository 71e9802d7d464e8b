package dev.lathe.plugin.chainsplitter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.store.Block;
import dev.lathe.api.store.ResultStore;
import dev.lathe.core.internal.store.JsonRecordCodec;
import dev.lathe.plugin.chainsplitter.tier.JdbcCloudTier;
import dev.lathe.testkit.tck.TestPluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's own behaviour beyond the contract: sealing by time, settings, cloud-only views. */
class ChainSplitterStoreTest {

  private final ChainSplitterStoreProvider provider = new ChainSplitterStoreProvider();

  @TempDir Path dir;

  private ResultStore open(Path folder, String... settings) throws IOException {
    TestPluginContext.Builder b = TestPluginContext.builder(provider, folder);
    for (int i = 0; i < settings.length; i += 2) {
      b.set(settings[i], settings[i + 1]);
    }
    return provider.open(b.build(), new JsonRecordCodec());
  }

  @Test
  void aPartialBlockIsSealedByTimeInTheBackground() throws Exception {
    try (ResultStore store = open(dir, "seal_interval", "200ms")) {
      store.append(CrashingWriter.record(0));
      assertEquals(List.of(), store.blocks());
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (store.blocks().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      List<Block> blocks = store.blocks();
      assertEquals(1, blocks.size(), "no block sealed within 10 s of a 200 ms interval");
      assertEquals(List.of(CrashingWriter.record(0)), blocks.get(0).records());
      assertEquals("both", blocks.get(0).tier());
      assertEquals("0".repeat(64), blocks.get(0).previousHash());
    }
  }

  @Test
  void theChainNameIsChosenOnceAndKept() throws IOException {
    try (ResultStore store = open(dir)) {
      store.append(CrashingWriter.record(0));
    }
    Path file = dir.resolve("results").resolve("chainsplitter").resolve("ledger").resolve("chain");
    String chain = Files.readString(file).strip();
    assertTrue(chain.matches("chainsplitter-[0-9a-f]{8}"), chain);
    try (ResultStore store = open(dir)) {
      assertEquals(1, store.readAll().size());
    }
    assertEquals(chain, Files.readString(file).strip());
    IOException other = assertThrows(IOException.class, () -> open(dir, "chain", "another"));
    assertTrue(other.getMessage().endsWith("holds chain '" + chain + "', not 'another'"),
        other.getMessage());
  }

  @Test
  void badSettingsAreNamed() {
    IllegalArgumentException cloud = assertThrows(IllegalArgumentException.class,
        () -> open(dir, "cloud", "mysql://db"));
    assertTrue(cloud.getMessage().startsWith("store.cloud 'mysql://db': expected"),
        cloud.getMessage());
    IllegalArgumentException chain = assertThrows(IllegalArgumentException.class,
        () -> open(dir, "chain", "a b"));
    assertTrue(chain.getMessage().startsWith("store.chain 'a b'"), chain.getMessage());
  }

  @Test
  void aCloudTierOpensAloneReadOnlyAndByChainName() throws IOException {
    String url = JdbcCloudTier.sqliteUrl(dir.resolve("shared.db"));
    for (String node : List.of("node-a", "node-b")) {
      try (ResultStore store = open(dir.resolve(node), "cloud", url, "chain", node,
          "block_size", "2")) {
        for (int i = 0; i < 5; i++) {
          store.append(CrashingWriter.record(i));
        }
      }
    }
    assertTrue(provider.keepsStoresAt(url));
    assertFalse(provider.keepsStoresAt(dir.toString()));
    IOException ambiguous = assertThrows(IOException.class, () -> provider.openAt(url,
        TestPluginContext.of(provider, dir), new JsonRecordCodec()));
    assertTrue(ambiguous.getMessage().contains("holds 2 chains (node-a, node-b); name one with"
        + " --set chain=NAME"), ambiguous.getMessage());
    try (ResultStore cloud = provider.openAt(url, TestPluginContext.builder(provider, dir)
        .set("chain", "node-b").build(), new JsonRecordCodec())) {
      assertEquals(3, cloud.blocks().size());
      assertEquals(5, cloud.readAll().size());
      assertTrue(cloud.verify().intact(), cloud.verify().detail());
      IOException readOnly = assertThrows(IOException.class,
          () -> cloud.append(CrashingWriter.record(9)));
      assertTrue(readOnly.getMessage().contains("read-only"), readOnly.getMessage());
    }
  }
}
