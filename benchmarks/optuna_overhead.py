"""Optuna's overhead per trial on the workload of Lathe's KernelOverhead benchmark.

Random sampler, Branin objective (two floats), sequential trials; storage in memory or a
journal file (JournalFileStorage, which fsyncs every append). Prints one JSON object:
{"optuna": version, "storage": ..., "trials": N, "rates": [trials per second per repeat]}.
Run with Debian's interpreter: /usr/bin/python3 optuna_overhead.py --trials 10000 --storage memory
"""
import argparse
import json
import math
import os
import tempfile
import time

import optuna


def branin(trial):
    x1 = trial.suggest_float("x1", -5.0, 10.0)
    x2 = trial.suggest_float("x2", 0.0, 15.0)
    b = 5.1 / (4 * math.pi ** 2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--storage", choices=["memory", "journal"], required=True)
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    rates = []
    for repeat in range(args.repeats):
        with tempfile.TemporaryDirectory() as tmp:
            storage = None
            if args.storage == "journal":
                storage = optuna.storages.JournalStorage(
                    optuna.storages.JournalFileStorage(os.path.join(tmp, "journal.log")))
            study = optuna.create_study(storage=storage,
                                        sampler=optuna.samplers.RandomSampler(seed=repeat))
            start = time.perf_counter()
            study.optimize(branin, n_trials=args.trials)
            elapsed = time.perf_counter() - start
            assert len(study.trials) == args.trials
            rates.append(args.trials / elapsed)
    print(json.dumps({"optuna": optuna.__version__, "storage": args.storage,
                      "trials": args.trials, "rates": rates}))


if __name__ == "__main__":
    main()
