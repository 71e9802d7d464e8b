package dev.lathe.plugin.ofa.latency;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Shape;
import dev.lathe.nd4j.Nd4jRuntime;
import dev.lathe.nd4j.network.SameDiffNetwork;
import dev.lathe.plugin.ofa.OfaMobileNetV3;
import dev.lathe.plugin.ofa.Subnet;
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
 * Before its first timing a measurer runs the middle subnet of OFA-MobileNetV3 (kernel 5, expand
 * 4, depth 3, 176 px) for at least {@value #WARMUP_MILLIS} ms, so that the JIT has compiled
 * SameDiff's execution path and the backend has set up its convolutions: timed cold, the first
 * groups of a table came out up to 2.7 times slower than the same groups timed later, and after
 * 3 s of warm-up still slow enough to bias a calibration low by 15 % or more. Each timed series
 * starts after a garbage collection, which also frees the native memory of earlier graphs.
 * Measurements never overlap.
 */
final class LatencyMeasurer {

  /** The least time a measurer warms up before its first timing, in milliseconds. */
  static final long WARMUP_MILLIS = 10_000;

  static {
    LatencyMeasurer.class.getModule().addReads(LatencyMeasurer.class.getClassLoader()
        .getUnnamedModule());
  }

  private final int warmup;
  private final int repeats;
  private boolean warm;

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
  synchronized LatencyTable.Entry measure(Network network) {
    if (!warm) {
      warm = true;
      SameDiffNetwork reference = SameDiffNetwork.build(OfaMobileNetV3.network(
          Subnet.uniform(5, 4, 3, 176, 1.0), 1000), 1);
      Map<String, INDArray> inputs = randomInputs(reference.network());
      long until = System.nanoTime() + WARMUP_MILLIS * 1_000_000;
      while (System.nanoTime() < until) {
        reference.predict(inputs);
      }
    }
    SameDiffNetwork net = SameDiffNetwork.build(network, 1);
    Map<String, INDArray> inputs = randomInputs(network);
    for (int i = 0; i < warmup; i++) {
      net.predict(inputs);
    }
    System.gc();
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

  private static Map<String, INDArray> randomInputs(Network network) {
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
    return inputs;
  }

  /** The fastest call that computes one ReLU of one number: the backend's cost per call. */
  double callOverheadMillis() {
    return measure(Network.builder("call-overhead").input("x", Shape.of(1))
        .add("relu", Activation.RELU).build()).minMillis();
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
