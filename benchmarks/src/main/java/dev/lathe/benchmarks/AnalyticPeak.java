package dev.lathe.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CPU's analytic single-precision peak: cores × clock × FLOPs per cycle per core, each factor
 * read from {@code /proc/cpuinfo} (model, vendor, family, flags, {@code cpu MHz}, cores) and, where
 * it reports one, {@code lscpu}'s {@code CPU max MHz}, or measured. Analytic means computed, not
 * observed: the FLOPs per cycle follow from the vector extensions and the microarchitecture's
 * number of FMA units, which {@link #flopsPerCycle()} states as a sentence.
 *
 * @param model {@code model name}
 * @param vendor {@code vendor_id}
 * @param family {@code cpu family}
 * @param modelNumber {@code model}
 * @param flags the vector extensions among {@code flags} that decide the peak
 * @param cores physical cores: distinct ({@code physical id}, {@code core id}) pairs, else the
 *     processors listed
 * @param cpuinfoMhz {@code cpu MHz} of the first processor (in a VM, usually the host's nominal
 *     clock)
 * @param maxMhz {@code lscpu}'s {@code CPU max MHz}, 0 where it reports none (as in most VMs)
 */
public record AnalyticPeak(String model, String vendor, int family, int modelNumber,
    Set<String> flags, int cores, double cpuinfoMhz, double maxMhz) {

  /** The vector extensions that decide the FLOPs per cycle. */
  static final List<String> VECTOR_FLAGS = List.of("avx512f", "avx2", "fma", "avx", "sse2");
  /** Vector pipes per core that multiply-add (FMA) or, without FMA, one multiply plus one add. */
  static final int PIPES = 2;

  /** Timed runs of the clock measurement's chain. */
  static final int CLOCK_RUNS = 400;

  /** The last chain's value, kept so that the JIT cannot elide the chain. */
  private static volatile long chainValue;

  /**
   * The peak of the CPU described by {@code cpuinfo} (the text of {@code /proc/cpuinfo}) and
   * {@code lscpu} (its output; empty if unavailable).
   *
   * @throws IllegalArgumentException if {@code cpuinfo} lacks {@code model name},
   *     {@code cpu family}, {@code flags} or {@code cpu MHz}
   */
  public static AnalyticPeak parse(String cpuinfo, String lscpu) {
    Map<String, String> first = new LinkedHashMap<>();
    Set<String> physicalCores = new HashSet<>();
    int processors = 0;
    String physicalId = "";
    for (String line : cpuinfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "processor" -> processors++;
        case "physical id" -> physicalId = value;
        case "core id" -> physicalCores.add(physicalId + "/" + value);
        default -> { }
      }
      first.putIfAbsent(key, value);
    }
    for (String key : List.of("model name", "cpu family", "flags", "cpu MHz")) {
      if (!first.containsKey(key)) {
        throw new IllegalArgumentException("/proc/cpuinfo has no '" + key + "' line");
      }
    }
    Set<String> all = new HashSet<>(Arrays.asList(first.get("flags").split("\\s+")));
    Set<String> vector = new LinkedHashSet<>();
    VECTOR_FLAGS.stream().filter(all::contains).forEach(vector::add);
    double maxMhz = 0;
    for (String line : lscpu.split("\n")) {
      if (line.startsWith("CPU max MHz:")) {
        maxMhz = Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return new AnalyticPeak(first.get("model name"), first.getOrDefault("vendor_id", "unknown"),
        Integer.parseInt(first.get("cpu family")), Integer.parseInt(first.getOrDefault("model",
        "0")), vector, physicalCores.isEmpty() ? Math.max(1, processors) : physicalCores.size(),
        Double.parseDouble(first.get("cpu MHz")), maxMhz);
  }

  /** The peak of this machine, from {@code /proc/cpuinfo} and {@code lscpu} (if installed). */
  public static AnalyticPeak ofThisMachine() throws IOException, InterruptedException {
    String cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
    String lscpu = "";
    try {
      Process p = new ProcessBuilder("lscpu").redirectErrorStream(true).start();
      lscpu = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        lscpu = "";
      }
    } catch (IOException notInstalled) {
      lscpu = "";
    }
    return parse(cpuinfo, lscpu);
  }

  /** Single-precision FLOPs per cycle per core; {@link #rule()} says why. */
  public int flopsPerCycle() {
    return PIPES * floatsPerVector() * (flags.contains("fma") ? 2 : 1);
  }

  /** Single-precision lanes per FMA unit. */
  int floatsPerVector() {
    boolean amd = vendor.equals("AuthenticAMD");
    if (flags.contains("avx512f") && (!amd || family >= 26)) {
      return 16;
    }
    if (amd && family == 23 && modelNumber < 0x30) {
      return 4;
    }
    if (flags.contains("avx2") || flags.contains("avx")) {
      return 8;
    }
    return 4;
  }

  /** The rule that gave {@link #flopsPerCycle()}, as a sentence with the arithmetic. */
  public String rule() {
    boolean amd = vendor.equals("AuthenticAMD");
    String extensions = String.join("+", flags).toUpperCase(Locale.ROOT);
    String why;
    if (flags.contains("avx512f") && amd && family < 26) {
      why = "AMD family " + family + " (Zen 3/4) executes AVX-512 as two 256-bit halves, so its"
          + " FMA units are 256 bits wide";
    } else if (flags.contains("avx512f")) {
      why = amd ? "AMD family " + family + " (Zen 5) has 512-bit FMA units"
          : "Intel with AVX-512: assumed two 512-bit FMA units (Xeon Gold 6xxx/Platinum;"
              + " parts with one unit reach half)";
    } else if (amd && family == 23 && modelNumber < 0x30) {
      why = "AMD family 23 before model 0x30 (Zen 1) has 128-bit FMA units";
    } else if (flags.contains("fma")) {
      why = "AVX2 with FMA: two 256-bit FMA units";
    } else {
      why = "no FMA: one multiply and one add pipe";
    }
    return extensions + ": " + why + ": " + PIPES + " units × " + floatsPerVector()
        + " floats × " + (flags.contains("fma") ? 2 : 1) + " = " + flopsPerCycle()
        + " FLOP/cycle/core";
  }

  /** The peak in GFLOP/s of {@code threads} threads (at most one per core) at {@code mhz}. */
  public double gflops(int threads, double mhz) {
    return Math.min(threads, cores) * flopsPerCycle() * mhz / 1000;
  }

  /**
   * The clock this thread runs at, in MHz, measured: the fastest of {@value #CLOCK_RUNS} timed
   * runs of a dependent chain of {@code x += x >>> k} steps, each a shift and an add of one cycle
   * of latency each on every x86 core since 2011 (so two cycles per step, whatever the turbo
   * state). Each run takes about a millisecond, shorter than a scheduler's time slice, so on a
   * busy machine some run still goes uninterrupted; other jobs only slow runs down, hence the
   * fastest.
   */
  public static double measuredMhz() {
    long steps = 250_000L;
    double best = 0;
    for (int run = 0; run < CLOCK_RUNS; run++) {
      long start = System.nanoTime();
      chainValue = shiftAddChain(run + 1, steps);
      long nanos = System.nanoTime() - start;
      best = Math.max(best, steps * 4 * 2 / (double) nanos * 1000);
    }
    return best;
  }

  /** The load average over 1, 5 and 15 minutes, from {@code /proc/loadavg}, as a phrase. */
  public static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
    return "load average " + fields[0] + " / " + fields[1] + " / " + fields[2] + " over 1 / 5 / 15"
        + " min";
  }

  private static long shiftAddChain(long x, long steps) {
    for (long i = 0; i < steps; i++) {
      x += x >>> 7;
      x += x >>> 9;
      x += x >>> 11;
      x += x >>> 13;
    }
    return x;
  }
}
