package dev.lathe.api.model.cost;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.model.Network;
import dev.lathe.api.model.Node;
import dev.lathe.api.model.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The peak activation memory of a network run on one sample, the nodes executed one after
 * another in the network's (topological) order, every node writing a new tensor (no in-place
 * operations, no views). A tensor is live from when it is produced (network inputs: from the
 * start) until the last node that reads it has run; the network's outputs stay live to the end.
 * While a node runs, its inputs and its output are live together. The peak is the largest total
 * of live bytes at any step; weights and a layer's internal temporaries are not included.
 *
 * <p>A node's output takes {@code ⌈elements × activation bits / 8⌉} bytes (4 bytes per element
 * by default); network inputs take 4 bytes per element.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ActivationMemory {

  /** Bytes per element of a network input. */
  public static final int INPUT_BYTES_PER_ELEMENT = 4;

  private ActivationMemory() {}

  /** The bytes of {@code node}'s output. */
  public static long outputBytes(Node node) {
    long bits = Math.multiplyExact(node.shape().elements(),
        (long) node.attributes().activationBits());
    return bits / 8 + (bits % 8 == 0 ? 0 : 1);
  }

  /** The bytes of a network input of shape {@code shape}. */
  public static long inputBytes(Shape shape) {
    return Math.multiplyExact(shape.elements(), (long) INPUT_BYTES_PER_ELEMENT);
  }

  /** The peak of live activation bytes while {@code network} runs. */
  public static long peakBytes(Network network) {
    List<Node> nodes = network.nodes();
    Map<String, Integer> lastRead = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (String read : nodes.get(i).inputs()) {
        lastRead.put(read, i);
      }
    }
    network.outputs().forEach(output -> lastRead.put(output, nodes.size()));
    Map<Integer, Long> freedAfter = new HashMap<>();
    long live = 0;
    for (Map.Entry<String, Shape> input : network.inputs().entrySet()) {
      long bytes = inputBytes(input.getValue());
      live += bytes;
      freedAfter.merge(lastRead.get(input.getKey()), bytes, Long::sum);
    }
    long peak = live;
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      long bytes = outputBytes(node);
      live += bytes;
      peak = Math.max(peak, live);
      freedAfter.merge(lastRead.getOrDefault(node.name(), i), bytes, Long::sum);
      live -= freedAfter.getOrDefault(i, 0L);
    }
    return peak;
  }
}
