package dev.lathe.plugin.sparch.sim;

import dev.lathe.api.sparse.SparseMatrix;
import java.util.List;

/**
 * A traffic-counting, cycle-approximate simulator of SpArch computing {@code C = A × B} as a sum
 * of outer products, pipelined: partial matrices leave the multiplier array straight into the
 * merge tree. Where there are more partial matrices than merge-tree inputs, the scheduler splits
 * the work into rounds; every round's output but the last is written to DRAM and read back.
 *
 * <p>Traffic, all in whole DRAM lines: A is streamed once per round that takes leaves (condensed:
 * as compressed rows with their pointers; otherwise as the round's compressed columns); B's row
 * pointers are streamed once and its rows are read as the {@link RowTrace} asks, through the
 * {@link RowPrefetcher} or straight from DRAM; intermediate results are written and read as
 * (row, column, value) streams; C is written as compressed rows. The cycles of a round are the
 * largest of its DRAM time at full bandwidth, its multiplications on the multiplier array and its
 * merge-tree time; the latency of DRAM is taken as hidden (bandwidth-bound model).
 */
public final class SparchSimulator {

  private final SparchConfig config;

  /** A simulator of the accelerator {@code config} describes. */
  public SparchSimulator(SparchConfig config) {
    this.config = config;
  }

  /** The configuration. */
  public SparchConfig config() {
    return config;
  }

  /**
   * Simulates {@code a × b}.
   *
   * @throws IllegalArgumentException if the inner dimensions differ
   */
  public Simulation simulate(SparseMatrix a, SparseMatrix b) {
    if (a.columns() != b.rows()) {
      throw new IllegalArgumentException("cannot multiply " + a.rows() + " x " + a.columns()
          + " by " + b.rows() + " x " + b.columns() + ": inner dimensions differ");
    }
    DramModel dram = config.dram();
    DataLayout layout = config.layout();
    Leaves leaves = config.condensing() ? Leaves.condensed(a, b) : Leaves.columns(a, b);
    long bPointers = dram.stream((long) (b.rows() + 1) * layout.indexBytes());
    long cBytes;
    if (leaves.count() == 0) {
      cBytes = dram.stream(layout.compressedBytes(0, a.rows() + 1L));
      Traffic traffic = new Traffic(0, bPointers, 0, 0, cBytes);
      return new Simulation(SparseMatrix.builder(a.rows(), b.columns()).build(), traffic,
          (long) Math.ceil(dram.cycles(traffic.total())), 0, 0, 0);
    }
    MergeScheduler scheduler = config.huffman() ? new HuffmanScheduler() : new InOrderScheduler();
    MergeSchedule schedule = scheduler.schedule(leaves.sizes(), config.mergeTreeInputs());
    long[] bRead = readB(a, b, leaves, schedule);
    bRead[0] += bPointers;

    MultiplierArray multipliers = new MultiplierArray(config.multipliers());
    MergeTree tree = new MergeTree(config.mergeTreeLevels(), config.mergerWidth());
    List<MergeSchedule.Round> rounds = schedule.rounds();
    PartialMatrix[] outputs = new PartialMatrix[rounds.size()];
    Traffic traffic = Traffic.NONE;
    long cycles = 0;
    for (int r = 0; r < rounds.size(); r++) {
      int[] nodes = rounds.get(r).inputs();
      PartialMatrix[] stored = new PartialMatrix[nodes.length];
      long products = multipliers.products();
      long aEntries = 0;
      int leafInputs = 0;
      long partialRead = 0;
      for (int i = 0; i < nodes.length; i++) {
        if (nodes[i] < schedule.leaves()) {
          aEntries += leaves.aEntries(nodes[i], a);
          leafInputs++;
        } else {
          stored[i] = outputs[nodes[i] - schedule.leaves()];
          outputs[nodes[i] - schedule.leaves()] = null;
          partialRead += dram.stream((long) stored[i].size() * layout.partialBytes());
        }
      }
      long aRead = leafInputs == 0 ? 0 : dram.stream(layout.compressedBytes(aEntries,
          leaves.aPointers(leafInputs, a)));
      // leaves leave the multiplier array as the merge tree takes them
      MergeTree.Merge merge = tree.merge(nodes.length, i -> {
        if (nodes[i] < schedule.leaves()) {
          return leaves.multiply(nodes[i], multipliers, a, b);
        }
        PartialMatrix p = stored[i];
        stored[i] = null;
        return p;
      });
      boolean last = r == rounds.size() - 1;
      long written = last
          ? dram.stream(layout.compressedBytes(merge.output().size(), a.rows() + 1L))
          : dram.stream((long) merge.output().size() * layout.partialBytes());
      Traffic round = new Traffic(aRead, bRead[r], last ? 0 : written, partialRead,
          last ? written : 0);
      outputs[r] = merge.output();
      traffic = traffic.plus(round);
      long roundCycles = Math.max((long) Math.ceil(dram.cycles(round.total())),
          Math.max(multipliers.cycles(multipliers.products() - products), merge.cycles()));
      cycles += roundCycles;
    }
    SparseMatrix product = outputs[rounds.size() - 1].toMatrix(a.rows(), b.columns());
    return new Simulation(product, traffic, cycles, multipliers.products(), leaves.count(),
        rounds.size());
  }

  /** The bytes of B that each round reads, in the order the rounds run. */
  private long[] readB(SparseMatrix a, SparseMatrix b, Leaves leaves, MergeSchedule schedule) {
    RowTrace trace = new RowTrace();
    for (MergeSchedule.Round round : schedule.rounds()) {
      leaves.request(round.inputs(), schedule.leaves(), a, trace);
      trace.endSegment();
    }
    return switch (config.bBuffer()) {
      case NONE -> RowPrefetcher.readWithoutBuffer(b, trace, config.dram(), config.layout());
      case LRU -> new RowPrefetcher(config.prefetchBufferLines(), 1, config.dram(),
          config.layout(), RowPrefetcher.Replacement.LRU).read(b, trace);
      case PREFETCHER -> new RowPrefetcher(config.prefetchBufferLines(),
          config.prefetchLookahead(), config.dram(), config.layout(),
          RowPrefetcher.Replacement.BELADY).read(b, trace);
    };
  }

  /**
   * The partial matrices that are the merge tree's leaves: condensed columns of A, or the
   * columns of A whose outer product with B is not empty.
   */
  private abstract static class Leaves {
    /** For each leaf, its condensed column or column of A. */
    final int[] index;
    final long[] sizes;

    Leaves(int[] index, long[] sizes) {
      this.index = index;
      this.sizes = sizes;
    }

    int count() {
      return index.length;
    }

    long[] sizes() {
      return sizes;
    }

    static Leaves condensed(SparseMatrix a, SparseMatrix b) {
      Condensing condensing = new Condensing(a);
      long[] all = condensing.partialSizes(b);
      int[] index = nonEmpty(all);
      long[] sizes = new long[index.length];
      for (int i = 0; i < index.length; i++) {
        sizes[i] = all[index[i]];
      }
      return new Leaves(index, sizes) {
        @Override
        PartialMatrix multiply(int leaf, MultiplierArray array, SparseMatrix left,
            SparseMatrix right) {
          return array.condensedProduct(condensing, index[leaf], right);
        }

        @Override
        long aEntries(int leaf, SparseMatrix left) {
          return condensing.entries(index[leaf]);
        }

        @Override
        long aPointers(int leafInputs, SparseMatrix left) {
          return left.rows() + 1L;
        }

        @Override
        void request(int[] inputs, int leaves, SparseMatrix left, RowTrace trace) {
          int count = 0;
          while (count < inputs.length && inputs[count] < leaves) {
            count++;
          }
          if (count == 0) {
            return;
          }
          int[] columns = new int[count];
          for (int i = 0; i < count; i++) {
            columns[i] = index[inputs[i]];
          }
          for (int row = 0; row < left.rows(); row++) {
            int length = left.rowNnz(row);
            for (int c : columns) {
              if (c >= length) {
                break;
              }
              trace.request(left.columnIndex(left.rowStart(row) + c));
            }
          }
        }
      };
    }

    static Leaves columns(SparseMatrix a, SparseMatrix b) {
      long[] all = new long[a.columns()];
      for (int k = 0; k < all.length; k++) {
        all[k] = (long) a.columnNnz(k) * b.rowNnz(k);
      }
      int[] index = nonEmpty(all);
      long[] sizes = new long[index.length];
      for (int i = 0; i < index.length; i++) {
        sizes[i] = all[index[i]];
      }
      return new Leaves(index, sizes) {
        @Override
        PartialMatrix multiply(int leaf, MultiplierArray array, SparseMatrix left,
            SparseMatrix right) {
          return array.outerProduct(left, index[leaf], right);
        }

        @Override
        long aEntries(int leaf, SparseMatrix left) {
          return left.columnNnz(index[leaf]);
        }

        @Override
        long aPointers(int leafInputs, SparseMatrix left) {
          return leafInputs + 1L;
        }

        @Override
        void request(int[] inputs, int leaves, SparseMatrix left, RowTrace trace) {
          for (int node : inputs) {
            if (node < leaves) {
              trace.request(index[node]);
            }
          }
        }
      };
    }

    private static int[] nonEmpty(long[] sizes) {
      int count = 0;
      for (long s : sizes) {
        if (s > 0) {
          count++;
        }
      }
      int[] index = new int[count];
      int n = 0;
      for (int i = 0; i < sizes.length; i++) {
        if (sizes[i] > 0) {
          index[n++] = i;
        }
      }
      return index;
    }

    /** The partial matrix of leaf {@code leaf}, made on the multiplier array. */
    abstract PartialMatrix multiply(int leaf, MultiplierArray array, SparseMatrix left,
        SparseMatrix right);

    /** The entries of A that leaf {@code leaf} reads. */
    abstract long aEntries(int leaf, SparseMatrix left);

    /** The pointers of A that a round with {@code leafInputs} leaves reads. */
    abstract long aPointers(int leafInputs, SparseMatrix left);

    /** Appends the B rows that the leaves among {@code inputs} ask for, in datapath order. */
    abstract void request(int[] inputs, int leaves, SparseMatrix left, RowTrace trace);
  }
}
