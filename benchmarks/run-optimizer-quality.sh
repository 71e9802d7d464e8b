#!/usr/bin/env bash
# Lathe's optimizers beside Optuna's samplers on Branin, Hartmann-6 and ZDT1, in the same run.
#   benchmarks/run-optimizer-quality.sh [--seeds N] [--branin-trials T] [--hartmann6-trials T]
#                                       [--zdt1-trials T] [--zdt1-seeds N] [--json FILE]
# Needs Debian's python3-optuna (./run-tests installs it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
exec java -Dlathe.benchmarks.dir="$root/benchmarks" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -p "$root/benchmarks/target/modules:$root/benchmarks/target/classes" \
  --add-modules ALL-MODULE-PATH \
  -m dev.lathe.benchmarks/dev.lathe.benchmarks.OptimizerQuality "$@"
