package dev.lathe.plugin.ofa.latency;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Shape;
import dev.lathe.nd4j.Nd4jRuntime;
import dev.lathe.nd4j.network.SameDiffNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times a network's inference at batch 1 on this machine's ND4J backend: builds it with the
 * SameDiff bridge, runs {@code warmup} untimed forward passes, then {@code repeats} timed ones,
 * and reports their median and minimum. Inputs are normal random numbers from a fixed seed.
 */
final class LatencyMeasurer {

  static {
    LatencyMeasurer.class.getModule().addReads(LatencyMeasurer.class.getClassLoader()
        .getUnnamedModule());
  }

  private final int warmup;
  private final int repeats;

  /**
   * A measurer.
   *
   * @param warmup untimed runs before timing, at least 0
   * @param repeats timed runs, at least 1
   */
  LatencyMeasurer(int warmup, int repeats) {
    if (warmup < 0 || repeats < 1) {
      throw new IllegalArgumentException("latency measurer: warm-up " + warmup + " and repeats "
          + repeats + " must be at least 0 and 1");
    }
    this.warmup = warmup;
    this.repeats = repeats;
  }

  /** The latency of one forward pass of {@code network} at batch 1. */
  LatencyTable.Entry measure(Network network) {
    SameDiffNetwork net = SameDiffNetwork.build(network, 1);
    Map<String, INDArray> inputs = new LinkedHashMap<>();
    Nd4j.getRandom().setSeed(17);
    network.inputs().forEach((name, shape) -> {
      long[] dims = new long[shape.rank() + 1];
      dims[0] = 1;
      for (int i = 0; i < shape.rank(); i++) {
        dims[i + 1] = shape.dim(i);
      }
      inputs.put(name, Nd4j.randn(DataType.FLOAT, dims));
    });
    for (int i = 0; i < warmup; i++) {
      net.predict(inputs);
    }
    double[] millis = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long start = System.nanoTime();
      net.predict(inputs);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    double median = repeats % 2 == 1 ? millis[repeats / 2]
        : (millis[repeats / 2 - 1] + millis[repeats / 2]) / 2;
    return new LatencyTable.Entry(median, millis[0], repeats);
  }

  /** The latency of a call that computes one ReLU of one number: the backend's cost per call. */
  double callOverheadMillis() {
    return measure(Network.builder("call-overhead").input("x", Shape.of(1))
        .add("relu", Activation.RELU).build()).medianMillis();
  }

  /** An empty table for this machine, with its provenance and call overhead measured now. */
  LatencyTable newTable() {
    Map<String, String> provenance = new LinkedHashMap<>(Nd4jRuntime.platformInfo());
    provenance.put("cpu", cpuModel());
    provenance.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
    provenance.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
        + " " + System.getProperty("os.arch"));
    provenance.put("jdk", System.getProperty("java.vm.name") + " "
        + System.getProperty("java.version"));
    provenance.put("omp_num_threads", String.valueOf(System.getenv("OMP_NUM_THREADS")));
    provenance.put("batch", "1");
    provenance.put("warmup", Integer.toString(warmup));
    provenance.put("repeats", Integer.toString(repeats));
    provenance.put("created", Instant.now().toString());
    return new LatencyTable(provenance, callOverheadMillis());
  }

  private static String cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    try {
      if (Files.isReadable(cpuinfo)) {
        List<String> lines = Files.readAllLines(cpuinfo);
        for (String line : lines) {
          if (line.startsWith("model name")) {
            return line.substring(line.indexOf(':') + 1).trim();
          }
        }
      }
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
    return System.getProperty("os.arch");
  }
}
