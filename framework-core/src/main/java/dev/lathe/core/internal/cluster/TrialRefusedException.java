package dev.lathe.core.internal.cluster;

/** Why a worker cannot run an experiment's trials: a plugin it lacks, or has in another version. */
public final class TrialRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A refusal whose message is the reason. */
  public TrialRefusedException(String reason) {
    super(reason);
  }
}
