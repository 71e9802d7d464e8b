"""Optuna's samplers on the test problems of Lathe's OptimizerQuality benchmark.

Problems as in Lathe's baselines plugin: Branin on [-5, 10] x [0, 15]; Hartmann-6 on [0, 1]^6
(constants of Dixon and Szego 1978); ZDT1 with 30 variables on [0, 1]^30, objectives f1, f2.
Samplers with Optuna's defaults: TPESampler, CmaEsSampler, RandomSampler, NSGAIISampler; seeded
with the seed; trials run one after another (study.optimize), storage in memory.

Before anything runs, each problem is checked at its published minimisers (Branin 0.397887,
Hartmann-6 -3.32237, ZDT1 f2 = 1 - sqrt(f1)), so that both sides optimise the same function.

Prints one JSON object, with the runs of each sampler named in --samplers:
{"optuna": version, "problem": ..., "trials": N, "samplers": {"tpe": [
    {"seed": s, "seconds": t, "best": b}                   (one objective)
    {"seed": s, "seconds": t, "points": [[f1, f2], ...]}   (ZDT1: every trial's values)
  ...], ...}}
Run with Debian's interpreter:
  /usr/bin/python3 optuna_optimizers.py --problem branin --samplers tpe,cmaes --trials 60 --seeds 0-9
"""
import argparse
import json
import math
import time

import optuna

HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
HARTMANN_A = [[10, 3, 17, 3.5, 1.7, 8],
              [0.05, 10, 17, 0.1, 8, 14],
              [3, 3.5, 1.7, 10, 17, 8],
              [17, 8, 0.05, 10, 0.1, 14]]
HARTMANN_P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
              [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
              [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650],
              [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]
ZDT1_VARIABLES = 30


def branin_value(x1, x2):
    b = 5.1 / (4 * math.pi ** 2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6_value(x):
    total = 0.0
    for alpha, a, p in zip(HARTMANN_ALPHA, HARTMANN_A, HARTMANN_P):
        total += alpha * math.exp(-sum(a[j] * (x[j] - p[j]) ** 2 for j in range(6)))
    return -total


def zdt1_values(x):
    f1 = x[0]
    g = 1 + 9 * sum(x[1:]) / (len(x) - 1)
    return f1, g * (1 - math.sqrt(f1 / g))


def check_problems():
    for x in [(-math.pi, 12.275), (math.pi, 2.275), (9.42478, 2.475)]:
        assert abs(branin_value(*x) - 0.397887) < 1e-5, x
    minimiser = [0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573]
    assert abs(hartmann6_value(minimiser) + 3.32237) < 1e-5
    for f1 in [0.0, 0.25, 1.0]:
        f = zdt1_values([f1] + [0.0] * (ZDT1_VARIABLES - 1))
        assert abs(f[1] - (1 - math.sqrt(f1))) < 1e-12, f1


def objective(problem):
    if problem == "branin":
        return lambda t: branin_value(t.suggest_float("x1", -5.0, 10.0),
                                      t.suggest_float("x2", 0.0, 15.0))
    if problem == "hartmann6":
        return lambda t: hartmann6_value([t.suggest_float("x%d" % (j + 1), 0.0, 1.0)
                                          for j in range(6)])
    if problem == "zdt1":
        return lambda t: zdt1_values([t.suggest_float("x%d" % (j + 1), 0.0, 1.0)
                                      for j in range(ZDT1_VARIABLES)])
    raise ValueError(problem)


def sampler(name, seed):
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=seed)
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "nsga2":
        return optuna.samplers.NSGAIISampler(seed=seed)
    raise ValueError(name)


def seeds(text):
    first, _, last = text.partition("-")
    return list(range(int(first), int(last or first) + 1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--problem", choices=["branin", "hartmann6", "zdt1"], required=True)
    parser.add_argument("--samplers", type=lambda text: text.split(","), required=True,
                        help="comma-separated: tpe, cmaes, random, nsga2")
    parser.add_argument("--trials", type=int, required=True)
    parser.add_argument("--seeds", type=seeds, default=seeds("0-9"))
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    check_problems()
    results = {}
    for name in args.samplers:
        runs = []
        for seed in args.seeds:
            directions = ["minimize", "minimize"] if args.problem == "zdt1" else ["minimize"]
            study = optuna.create_study(directions=directions, sampler=sampler(name, seed))
            start = time.perf_counter()
            study.optimize(objective(args.problem), n_trials=args.trials)
            elapsed = time.perf_counter() - start
            assert len(study.trials) == args.trials
            run = {"seed": seed, "seconds": elapsed}
            if args.problem == "zdt1":
                run["points"] = [t.values for t in study.trials]
            else:
                run["best"] = study.best_value
            runs.append(run)
        results[name] = runs
    print(json.dumps({"optuna": optuna.__version__, "problem": args.problem,
                      "trials": args.trials, "samplers": results}))


if __name__ == "__main__":
    main()
