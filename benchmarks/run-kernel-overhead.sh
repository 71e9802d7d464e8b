#!/usr/bin/env bash
# Measures Lathe's kernel overhead per trial beside Optuna's in the same run.
#   benchmarks/run-kernel-overhead.sh [--trials N] [--repeats R] [--json FILE]
# Needs Debian's python3-optuna (./run-tests installs it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
exec java -Dlathe.benchmarks.dir="$root/benchmarks" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -p "$root/benchmarks/target/modules:$root/benchmarks/target/classes" \
  --add-modules ALL-MODULE-PATH \
  -m dev.lathe.benchmarks/dev.lathe.benchmarks.KernelOverhead "$@"
