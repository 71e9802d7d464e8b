"""Optuna's TPE sampler as an ask/tell peer of Lathe's gcnrl reproduction.

Protocol on stdin/stdout, one line each:
  in : SEED <int>
  in : DIM <name> <low> <high> <log 0|1>      (repeated, then END)
  out: ASK <value> <value> ...                (one value per dimension, in order)
  in : TELL <number> | TELL fail               (the figure of merit to maximise, or a failure)
  in : STOP                                    (instead of a TELL-awaiting ASK: ends the run)
"""
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def main():
    seed = int(sys.stdin.readline().split()[1])
    dims = []
    for line in sys.stdin:
        parts = line.split()
        if parts[0] == "END":
            break
        dims.append((parts[1], float(parts[2]), float(parts[3]), parts[4] == "1"))
    study = optuna.create_study(direction="maximize",
                                sampler=optuna.samplers.TPESampler(seed=seed))
    print("READY " + optuna.__version__, flush=True)
    for line in sys.stdin:
        if line.strip() == "STOP":
            return
        trial = study.ask()
        values = [trial.suggest_float(n, lo, hi, log=lg) for (n, lo, hi, lg) in dims]
        print("ASK " + " ".join(repr(v) for v in values), flush=True)
        answer = sys.stdin.readline().split()
        if answer[1] == "fail":
            study.tell(trial, state=optuna.trial.TrialState.FAIL)
        else:
            study.tell(trial, float(answer[1]))


if __name__ == "__main__":
    main()
