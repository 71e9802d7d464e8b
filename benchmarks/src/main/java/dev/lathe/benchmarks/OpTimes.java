package dev.lathe.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A SameDiff listener that adds up the CPU time of the calling thread spent executing each op,
 * from SameDiff's call before an op to its call after it (the libnd4j kernel and ND4J's Java
 * call of it; SameDiff allocates the op's outputs before), by op name. With ND4J on one thread the
 * kernels run on the calling thread, so the sum is the time of the ops themselves; the rest of a
 * step is SameDiff's session, its allocations and the training loop.
 */
final class OpTimes extends BaseListener {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<String, Long> nanosByOp = new TreeMap<>();
  private long opStart;

  @Override
  public boolean isActive(Operation operation) {
    return true;
  }

  @Override
  public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
    opStart = THREADS.getCurrentThreadCpuTime();
  }

  @Override
  public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op,
      OpContext opContext, INDArray[] outputs) {
    long nanos = THREADS.getCurrentThreadCpuTime() - opStart;
    nanosByOp.merge(op.getOp().opName(), nanos, Long::sum);
  }

  /** The CPU time of all ops seen, in nanoseconds. */
  long totalNanos() {
    return nanosByOp.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The {@code count} ops of the most time, by name, in milliseconds per step of {@code steps}. */
  Map<String, Double> top(int count, int steps) {
    Map<String, Double> top = new LinkedHashMap<>();
    List<Map.Entry<String, Long>> sorted = nanosByOp.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).toList();
    for (Map.Entry<String, Long> e : sorted.subList(0, Math.min(count, sorted.size()))) {
      top.put(e.getKey(), e.getValue() / 1e6 / steps);
    }
    return top;
  }
}
