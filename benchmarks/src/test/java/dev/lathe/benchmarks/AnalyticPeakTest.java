package dev.lathe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The analytic peak read from /proc/cpuinfo and lscpu texts, and the measured clock. */
class AnalyticPeakTest {

  /** Two processors of this project's development machine, abridged. */
  private static final String EPYC = """
      processor	: 0
      vendor_id	: AuthenticAMD
      cpu family	: 25
      model		: 17
      model name	: AMD EPYC
      cpu MHz		: 2596.134
      physical id	: 0
      core id		: 0
      flags		: fpu sse sse2 ssse3 fma avx f16c avx2 avx512f avx512dq avx512_bf16

      processor	: 1
      vendor_id	: AuthenticAMD
      cpu family	: 25
      model		: 17
      model name	: AMD EPYC
      cpu MHz		: 2596.134
      physical id	: 0
      core id		: 1
      flags		: fpu sse sse2 ssse3 fma avx f16c avx2 avx512f avx512dq avx512_bf16
      """;

  private static String cpu(String vendor, int family, int model, String flags) {
    return "processor\t: 0\nvendor_id\t: " + vendor + "\ncpu family\t: " + family
        + "\nmodel\t\t: " + model + "\nmodel name\t: test\ncpu MHz\t\t: 2000.000\nflags\t\t: "
        + flags + "\n";
  }

  @Test
  void zen4CountsTwo256BitFmaUnitsOnEachOfItsCores() {
    AnalyticPeak peak = AnalyticPeak.parse(EPYC, "");
    assertEquals("AMD EPYC", peak.model());
    assertEquals(2, peak.cores());
    assertEquals(2596.134, peak.cpuinfoMhz(), 1e-9);
    assertEquals(0, peak.maxMhz());
    assertEquals(Set.of("avx512f", "avx2", "fma", "avx", "sse2"), peak.flags());
    assertEquals(32, peak.flopsPerCycle());
    assertTrue(peak.rule().endsWith("2 units × 8 floats × 2 = 32 FLOP/cycle/core"), peak.rule());
    assertTrue(peak.rule().contains("two 256-bit halves"), peak.rule());
    assertEquals(83.076, peak.gflops(1, peak.cpuinfoMhz()), 1e-3);
    assertEquals(166.153, peak.gflops(2, peak.cpuinfoMhz()), 1e-3);
    assertEquals(166.153, peak.gflops(8, peak.cpuinfoMhz()), 1e-3, "one thread per core");
  }

  @Test
  void otherMicroarchitecturesFollowTheirVectorUnits() {
    assertEquals(64, AnalyticPeak.parse(cpu("GenuineIntel", 6, 85, "fma avx avx2 avx512f"), "")
        .flopsPerCycle(), "Skylake-SP: two 512-bit FMA units");
    assertEquals(64, AnalyticPeak.parse(cpu("AuthenticAMD", 26, 2, "fma avx avx2 avx512f"), "")
        .flopsPerCycle(), "Zen 5");
    assertEquals(32, AnalyticPeak.parse(cpu("GenuineIntel", 6, 60, "fma avx avx2"), "")
        .flopsPerCycle(), "Haswell");
    assertEquals(16, AnalyticPeak.parse(cpu("AuthenticAMD", 23, 1, "fma avx avx2"), "")
        .flopsPerCycle(), "Zen 1: 128-bit FMA units");
    assertEquals(32, AnalyticPeak.parse(cpu("AuthenticAMD", 23, 49, "fma avx avx2"), "")
        .flopsPerCycle(), "Zen 2");
    assertEquals(16, AnalyticPeak.parse(cpu("GenuineIntel", 6, 42, "sse2 avx"), "")
        .flopsPerCycle(), "Sandy Bridge: one 256-bit multiply and one add pipe");
    assertEquals(8, AnalyticPeak.parse(cpu("GenuineIntel", 6, 15, "sse2"), "").flopsPerCycle());
  }

  @Test
  void lscpusMaximumClockIsKeptBesideCpuinfos() {
    AnalyticPeak peak = AnalyticPeak.parse(cpu("GenuineIntel", 6, 60, "fma avx avx2"),
        "Model name:  test\nCPU max MHz:                     3500.0000\nCPU min MHz:  800\n");
    assertEquals(3500, peak.maxMhz(), 1e-9);
    assertEquals(2000, peak.cpuinfoMhz(), 1e-9);
    assertEquals(1, peak.cores(), "no core ids: one per processor listed");
  }

  @Test
  void aCpuinfoWithoutFlagsIsRefusedNamingTheLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AnalyticPeak.parse("processor : 0\nmodel name : x\ncpu family : 6\ncpu MHz : 1\n",
            ""));
    assertEquals("/proc/cpuinfo has no 'flags' line", e.getMessage());
  }

  @Test
  void theMeasuredClockIsAPlausibleX86Clock() {
    double mhz = AnalyticPeak.measuredMhz();
    assertTrue(mhz > 500 && mhz < 7000, mhz + " MHz");
  }
}
