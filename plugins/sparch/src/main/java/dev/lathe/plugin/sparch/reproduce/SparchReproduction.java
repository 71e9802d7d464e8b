package dev.lathe.plugin.sparch.reproduce;

import dev.lathe.api.metric.Origin;
import dev.lathe.api.reproduce.Claim;
import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.ClaimResult.Verdict;
import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.sparse.SparseMatrix;
import dev.lathe.api.sparse.MatrixGenerators;
import dev.lathe.plugin.sparch.matrices.SuiteMatrices;
import dev.lathe.plugin.sparch.reproduce.AblationLadder.Row;
import dev.lathe.plugin.sparch.reproduce.AblationLadder.Step;
import dev.lathe.plugin.sparch.sim.SparchConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;

/**
 * Runs SpArch's ablation ladder ({@link AblationLadder}) with {@link SparchConfig#DEFAULT}'s
 * hardware on {@code A × A} for a set of matrices and compares the geometric means of the
 * traffic ratios with the paper's. {@code QUICK}: the six shipped SuiteSparse matrices, an R-MAT
 * graph of 2^12 vertices and a uniform matrix of 2^13 rows (8 entries per row on average);
 * {@code FULL}: those, R-MAT graphs of 2^13 and 2^15 vertices, a uniform matrix of 2^16 rows and,
 * if present in the data directory's {@code graphs/} folder, {@code NotreDame_www}. A ratio
 * reproduces the paper's when its effect, measured as a logarithm, is between half and twice the
 * paper's ({@code ln(measured) / ln(paper)} in [0.5, 2]); a ratio above 1 outside that range
 * shows the effect at another size ({@link Verdict#PARTIAL}); at or below 1 it does not
 * reproduce.
 */
final class SparchReproduction implements Reproduction {

  static final String ID = "sparch";

  static final Claim CONDENSING = new Claim("condensing",
      "Matrix condensing cuts the DRAM traffic of the pipelined multiply-merge",
      "5.4x less DRAM traffic", "abstract");
  static final Claim HUFFMAN = new Claim("huffman",
      "The Huffman-tree scheduler cuts DRAM traffic further", "1.8x less DRAM traffic",
      "abstract");
  static final Claim PREFETCH = new Claim("prefetch",
      "The row prefetcher with near-optimal replacement cuts DRAM traffic further",
      "1.5x less DRAM traffic", "abstract");
  static final Claim VERSUS_OUTERSPACE = new Claim("vs-outerspace",
      "SpArch moves less DRAM traffic than OuterSPACE", "2.8x less DRAM traffic",
      "abstract");
  static final Claim SPEEDUP = new Claim("speedup",
      "SpArch is faster than OuterSPACE", "4x speedup", "abstract");
  static final Claim EXACT = new Claim("exact-product",
      "The simulated datapaths compute C = A x A: equal to Gustavson's product on every matrix",
      "C exact", "Lathe's acceptance (issue 7)");

  /** How close a reproduced ratio's logarithm is to the paper's: within this factor. */
  static final double TOLERANCE = 2;

  private final long seed;
  private final Path largeMatrices;
  private final Logger log;
  private final Map<Mode, List<Row>> ladders = new EnumMap<>(Mode.class);

  SparchReproduction(long seed, Path largeMatrices, Logger log) {
    this.seed = seed;
    this.largeMatrices = largeMatrices;
    this.log = log;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Claim> claims() {
    return List.of(CONDENSING, HUFFMAN, PREFETCH, VERSUS_OUTERSPACE, SPEEDUP, EXACT);
  }

  /**
   * Checks one claim; the ladders of a mode are computed on the first claim and kept.
   *
   * @throws IOException if a matrix cannot be read
   * @throws IllegalArgumentException if {@code claim} is not this reproduction's
   */
  @Override
  public ClaimResult check(Claim claim, Mode mode) throws IOException {
    List<Row> rows = ladders(mode);
    String scale = scale(mode, rows);
    if (claim.equals(EXACT)) {
      List<String> wrong = rows.stream().filter(r -> !r.exact()).map(Row::name).toList();
      return new ClaimResult(EXACT, wrong.isEmpty() ? "C exact on " + rows.size() + " of "
          + rows.size() + " matrices" : "C differs on " + wrong, wrong.isEmpty()
          ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, Origin.SIMULATED, scale + "; OuterSPACE,"
          + " the four SpArch steps and SpArch without a B buffer each compared; integer-valued"
          + " matrices exactly, " + rows.stream().filter(r -> !r.integerValued())
          .map(Row::name).toList() + " within 1e-9");
    }
    ToDoubleFunction<Row> ratio;
    double paper;
    String unit = "x less DRAM traffic";
    if (claim.equals(CONDENSING)) {
      ratio = r -> r.trafficRatio(r.step(Step.PIPELINED), r.step(Step.CONDENSED));
      paper = 5.4;
    } else if (claim.equals(HUFFMAN)) {
      ratio = r -> r.trafficRatio(r.step(Step.CONDENSED), r.step(Step.HUFFMAN));
      paper = 1.8;
    } else if (claim.equals(PREFETCH)) {
      ratio = r -> r.trafficRatio(r.step(Step.HUFFMAN), r.step(Step.PREFETCH));
      paper = 1.5;
    } else if (claim.equals(VERSUS_OUTERSPACE)) {
      ratio = r -> r.trafficRatio(r.outerSpace(), r.step(Step.PREFETCH));
      paper = 2.8;
    } else if (claim.equals(SPEEDUP)) {
      ratio = r -> (double) r.outerSpace().cycles() / r.step(Step.PREFETCH).cycles();
      paper = 4.0;
      unit = "x speedup (simulated cycles)";
    } else {
      throw new IllegalArgumentException("reproduction '" + ID + "' has no claim '" + claim.id()
          + "'; its claims are " + claims().stream().map(Claim::id).toList());
    }
    double[] ratios = rows.stream().mapToDouble(ratio).toArray();
    double mean = AblationLadder.geometricMean(ratios);
    List<String> perMatrix = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      perMatrix.add(rows.get(i).name() + " " + format("%.2f", ratios[i]));
    }
    String note = scale + "; per matrix: " + String.join(", ", perMatrix);
    if (claim.equals(PREFETCH)) {
      note += format("; against the buffer as a plain LRU cache. Against no buffer for B at"
          + " all: %.2fx (geometric mean)", AblationLadder.geometricMean(rows.stream()
          .mapToDouble(r -> r.trafficRatio(r.unbuffered(), r.step(Step.PREFETCH))).toArray()));
    }
    if (claim.equals(HUFFMAN)) {
      double[] acting = rows.stream().filter(r -> r.step(Step.CONDENSED).rounds() > 1)
          .mapToDouble(ratio).toArray();
      if (acting.length > 0) {
        note += format("; over the %d matrices whose condensed A has more columns than the"
            + " merge tree has inputs (the only ones where the schedule can matter): %.2fx"
            + " (geometric mean)", acting.length, AblationLadder.geometricMean(acting));
      }
    }
    Verdict verdict = verdict(mean, paper);
    return new ClaimResult(claim, format("%.2f", mean) + unit + " (geometric mean)", verdict,
        Origin.SIMULATED, note);
  }

  /** The verdict on a measured ratio against the paper's (above 1). */
  static Verdict verdict(double measured, double paper) {
    double effect = Math.log(measured) / Math.log(paper);
    return effect >= 1 / TOLERANCE && effect <= TOLERANCE ? Verdict.REPRODUCED
        : measured > 1 ? Verdict.PARTIAL : Verdict.NOT_REPRODUCED;
  }

  private static String scale(Mode mode, List<Row> rows) {
    return (mode == Mode.FULL ? "full" : "quick") + " mode: A x A for " + rows.size()
        + " matrices, SpArch with 64-input merge tree, 16 multipliers, 1,024-line prefetch"
        + " buffer, HBM 128 B/cycle, 64-byte lines";
  }

  private synchronized List<Row> ladders(Mode mode) throws IOException {
    List<Row> rows = ladders.get(mode);
    if (rows == null) {
      rows = new ArrayList<>();
      for (Map.Entry<String, SparseMatrix> m : matrices(mode).entrySet()) {
        long start = System.nanoTime();
        Row row = AblationLadder.run(m.getKey(), m.getValue(), SparchConfig.DEFAULT);
        log.info("{}: {} x {}, {} entries; OuterSPACE {} bytes, SpArch {} bytes, {} s",
            row.name(), row.rows(), row.rows(), row.nnz(), row.outerSpace().traffic().total(),
            row.step(Step.PREFETCH).traffic().total(),
            format("%.1f", (System.nanoTime() - start) / 1e9));
        rows.add(row);
      }
      rows = List.copyOf(rows);
      ladders.put(mode, rows);
    }
    return rows;
  }

  /** The matrices of a mode, by name, in the order they are reported. */
  Map<String, SparseMatrix> matrices(Mode mode) throws IOException {
    Map<String, SparseMatrix> matrices = new LinkedHashMap<>();
    for (String name : SuiteMatrices.SHIPPED) {
      matrices.put(name, SuiteMatrices.shipped(name));
    }
    matrices.put("rmat-12", MatrixGenerators.rmat(12, 8, seed));
    matrices.put("uniform-13", MatrixGenerators.uniform(1 << 13, 8, seed + 1));
    if (mode == Mode.FULL) {
      matrices.put("rmat-13", MatrixGenerators.rmat(13, 8, seed + 2));
      matrices.put("rmat-15", MatrixGenerators.rmat(15, 8, seed + 3));
      matrices.put("uniform-16", MatrixGenerators.uniform(1 << 16, 8, seed + 4));
      Optional<SparseMatrix> notreDame = SuiteMatrices.inFolder(largeMatrices,
          SuiteMatrices.NOTRE_DAME);
      if (notreDame.isPresent()) {
        matrices.put(SuiteMatrices.NOTRE_DAME, notreDame.get());
      } else {
        log.warn("{}.mtx is not in {}; run benchmarks/fetch-graph-data.sh to include it",
            SuiteMatrices.NOTRE_DAME, largeMatrices);
      }
    }
    return matrices;
  }

  /** The ladders of a mode, computed on the first call. */
  List<Row> rows(Mode mode) throws IOException {
    return ladders(mode);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
