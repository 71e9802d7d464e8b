package dev.lathe.api.metric;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** How a number was obtained; every metric carries one. */
@API(status = STABLE, since = "0.1")
public enum Origin {
  /** Observed on real hardware or a real run, e.g. a timed inference or a trained model's loss. */
  MEASURED,
  /** Produced by a simulator, e.g. SPICE or a cycle-level accelerator model. */
  SIMULATED,
  /** Estimated by a learned or fitted model, e.g. an accuracy predictor. */
  PREDICTED,
  /** Computed exactly from a formula, e.g. a MAC count or a test function's value. */
  ANALYTIC
}
