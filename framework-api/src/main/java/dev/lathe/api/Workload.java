package dev.lathe.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Something whose cost an accelerator estimates: a network's inference, a sparse-matrix
 * product, a training job. Accelerators recognise the kinds they support.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Workload {

  /** The workload's kind, e.g. {@code model}, {@code spgemm}, {@code training-job}. */
  String kind();
}
