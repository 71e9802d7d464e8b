package dev.lathe.plugin.sparch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.sparse.SparseMatrix;
import dev.lathe.api.sparse.SparseProduct;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accelerator's settings and metrics on the hand-worked product of the simulator's tests. */
class SparchAcceleratorTest {

  private static final SparchAcceleratorProvider PROVIDER = new SparchAcceleratorProvider();
  private static final SparseMatrix A = SparseMatrix.fromDense(new double[][] {
      {1, 2, 0}, {0, 3, 0}, {4, 0, 5}});
  /** The settings of the hand-worked SpArch: 16-byte lines, a 2-line buffer, a 2-input tree. */
  private static final Map<String, String> SMALL = Map.of("multipliers", "2",
      "merge-tree-levels", "1", "merger-width", "2", "prefetch-buffer-lines", "2",
      "prefetch-lookahead", "8", "dram-bytes-per-cycle", "16", "dram-line-bytes", "16");

  @TempDir
  Path folder;

  private Accelerator accelerator(Map<String, String> settings) {
    return PROVIDER.create(TestPluginContext.builder(PROVIDER, folder).settings(settings)
        .build());
  }

  @Test
  void reportsTrafficByCategoryAndCycles() throws Exception {
    Metrics m = accelerator(SMALL).estimate(SparseProduct.square("hand-worked", A));
    assertEquals(80, m.value("dram_a_read_bytes"));
    assertEquals(96, m.value("dram_b_read_bytes"));
    assertEquals(0, m.value("dram_partial_write_bytes"));
    assertEquals(96, m.value("dram_c_write_bytes"));
    assertEquals(272, m.value("dram_bytes"));
    assertEquals(17, m.value("cycles"));
    assertEquals(17e-6, m.value("latency_ms"), 1e-15);
    assertEquals(8, m.value("partial_products"));
    assertEquals(6, m.value("product_nnz"));
    assertTrue(m.all().stream().allMatch(x -> x.origin() == Origin.SIMULATED));
  }

  @Test
  void simulatesOuterSpaceOnRequest() throws Exception {
    Map<String, String> settings = new HashMap<>(SMALL);
    settings.put("design", "outerspace");
    Metrics m = accelerator(settings).estimate(SparseProduct.square("hand-worked", A));
    assertEquals(128, m.value("dram_partial_write_bytes"));
    assertEquals(128, m.value("dram_partial_read_bytes"));
    assertEquals(544, m.value("dram_bytes"));
    assertEquals(34, m.value("cycles"));
  }

  @Test
  void techniquesCanBeSwitchedOff() throws Exception {
    Map<String, String> settings = new HashMap<>(SMALL);
    settings.put("condensing", "false");
    settings.put("huffman", "false");
    settings.put("b-buffer", "lru");
    Metrics m = accelerator(settings).estimate(SparseProduct.square("hand-worked", A));
    assertEquals(432, m.value("dram_bytes"));
    assertEquals(2, m.value("merge_rounds"));
    assertEquals(3, m.value("partial_matrices"));
  }

  @Test
  void refusesOtherWorkloads() {
    Accelerator accelerator = accelerator(Map.of());
    assertFalse(accelerator.supports(() -> "model"));
    assertTrue(accelerator.supports(SparseProduct.square("hand-worked", A)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> accelerator.estimate(() -> "model"));
    assertEquals("accelerator 'sparch' costs sparse-matrix products (kind 'spgemm'), not"
        + " 'model' workloads", e.getMessage());
  }
}
