package dev.lathe.plugin.sparch.sim;

/**
 * The DRAM of the simulated accelerator: a bandwidth in bytes per cycle and a line (burst) size.
 * Every transfer moves whole lines: a sequential stream of {@code n} bytes costs {@code n}
 * rounded up to lines, a scattered read of a byte range costs every line the range touches.
 *
 * @param bytesPerCycle the peak bandwidth in bytes per accelerator cycle, above 0
 * @param lineBytes the size of a line (burst), at least 1
 */
public record DramModel(double bytesPerCycle, int lineBytes) {

  /** SpArch's memory: HBM at 128 GB/s seen from a 1 GHz clock, 64-byte lines. */
  public static final DramModel HBM = new DramModel(128, 64);

  /** Checks the parts. */
  public DramModel {
    if (!(bytesPerCycle > 0) || Double.isInfinite(bytesPerCycle)) {
      throw new IllegalArgumentException("DRAM bandwidth must be a positive number of bytes per"
          + " cycle, got " + bytesPerCycle);
    }
    if (lineBytes < 1) {
      throw new IllegalArgumentException("DRAM line size must be at least 1 byte, got "
          + lineBytes);
    }
  }

  /** The bytes moved by a sequential stream of {@code bytes}: whole lines. */
  public long stream(long bytes) {
    return Counts.ceilDiv(bytes, lineBytes) * lineBytes;
  }

  /** The number of lines that the byte range {@code [start, start + length)} touches. */
  public long lines(long start, long length) {
    if (length <= 0) {
      return 0;
    }
    return (start + length - 1) / lineBytes - start / lineBytes + 1;
  }

  /** The cycles that moving {@code bytes} takes at full bandwidth. */
  public double cycles(long bytes) {
    return bytes / bytesPerCycle;
  }
}
