package dev.lathe.nd4j.network;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The keys and values that the self-attention nodes with a context ({@code contextLength C > 1},
 * segment-level recurrence) carry from one segment to the next: for each such node and each
 * sequence of the batch, the last {@code C − 1} positions' keys and values {@code [N, h, C − 1,
 * dk]} and their validity {@code [N, C − 1]} (1 for a position that was seen, 0 before the
 * first segment). The arrays are fed to the graph as placeholders, so no gradient flows from one
 * segment into the previous one (a stop-gradient, as in Transformer-XL).
 *
 * <pre>{@code
 * List<String> wanted = new ArrayList<>(network.memoryOutputs());
 * wanted.add("logits");
 * SegmentMemory memory = network.emptyMemory(batch);
 * for (INDArray segment : segments) {
 *   Map<String, INDArray> feed = new HashMap<>(memory.placeholders());
 *   feed.put("tokens", segment);
 *   Map<String, INDArray> out = network.graph().output(feed, wanted.toArray(String[]::new));
 *   memory = memory.next(out);
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SegmentMemory {

  /** A node's placeholder of its memory keys, {@code NODE/memory_keys}. */
  static final String KEYS = "memory_keys";
  /** A node's placeholder of its memory values, {@code NODE/memory_values}. */
  static final String VALUES = "memory_values";
  /** A node's placeholder of its memory positions' validity, {@code NODE/memory_valid}. */
  static final String VALID = "memory_valid";
  /** A node's learned positional term {@code [C, dk]}, {@code NODE/position}. */
  static final String POSITION = "position";
  /** A node's next memory keys, {@code NODE/next_keys}. */
  static final String NEXT_KEYS = "next_keys";
  /** A node's next memory values, {@code NODE/next_values}. */
  static final String NEXT_VALUES = "next_values";
  /** A node's next memory validity, {@code NODE/next_valid}. */
  static final String NEXT_VALID = "next_valid";

  private static final List<String[]> PAIRS = List.of(new String[] {KEYS, NEXT_KEYS},
      new String[] {VALUES, NEXT_VALUES}, new String[] {VALID, NEXT_VALID});

  private final List<String> nodes;
  private final Map<String, INDArray> placeholders;

  private SegmentMemory(List<String> nodes, Map<String, INDArray> placeholders) {
    this.nodes = nodes;
    this.placeholders = Collections.unmodifiableMap(placeholders);
  }

  /**
   * The memory before the first segment of {@code batch} sequences: zeros, all invalid.
   *
   * @param shapes each memory node's {@code [heads, C − 1, dk]}, in the network's order
   */
  static SegmentMemory empty(Map<String, long[]> shapes, int batch) {
    Map<String, INDArray> arrays = new LinkedHashMap<>();
    shapes.forEach((node, shape) -> {
      long[] kv = {batch, shape[0], shape[1], shape[2]};
      arrays.put(node + "/" + KEYS, Nd4j.zeros(DataType.FLOAT, kv));
      arrays.put(node + "/" + VALUES, Nd4j.zeros(DataType.FLOAT, kv));
      arrays.put(node + "/" + VALID, Nd4j.zeros(DataType.FLOAT, batch, shape[1]));
    });
    return new SegmentMemory(List.copyOf(shapes.keySet()), arrays);
  }

  /** The names of the graph variables that hold each node's next memory, for {@code output}. */
  static List<String> outputs(List<String> nodes) {
    return nodes.stream().flatMap(node -> PAIRS.stream().map(p -> node + "/" + p[1])).toList();
  }

  /** The placeholder values to feed with the next segment, by placeholder name. */
  public Map<String, INDArray> placeholders() {
    return placeholders;
  }

  /** The attention nodes that carry memory, in the network's order. */
  public List<String> nodes() {
    return nodes;
  }

  /**
   * The memory after a segment, from the values of the variables that
   * {@link SameDiffNetwork#memoryOutputs()} names, as {@code output} returned them.
   *
   * @throws IllegalArgumentException if a next-memory value is missing
   */
  public SegmentMemory next(Map<String, INDArray> outputs) {
    Map<String, INDArray> arrays = new LinkedHashMap<>();
    for (String node : nodes) {
      for (String[] pair : PAIRS) {
        INDArray value = outputs.get(node + "/" + pair[1]);
        if (value == null) {
          throw new IllegalArgumentException("the outputs lack '" + node + "/" + pair[1]
              + "', the next memory of attention node '" + node + "'");
        }
        arrays.put(node + "/" + pair[0], value.dup());
      }
    }
    return new SegmentMemory(nodes, arrays);
  }
}
