#!/usr/bin/env bash
# Measures Lathe's training steps per second beside PyTorch's in the same run, same threads.
#   benchmarks/run-training-throughput.sh [--threads N] [--models mlp,cnn] [--warmup W]
#                                         [--steps S] [--repeats R] [--json FILE]
# Needs Debian's python3-torch (./run-tests installs it). ND4J reads its thread count from
# OMP_NUM_THREADS when it starts, so --threads is turned into that (default 1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
threads=1
args=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--threads" ]; then
    threads="$2"
    shift 2
  else
    args+=("$1")
    shift
  fi
done
(cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
OMP_NUM_THREADS="$threads" exec java -Dlathe.benchmarks.dir="$root/benchmarks" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -p "$root/benchmarks/target/modules:$root/benchmarks/target/classes" \
  -cp "$root/benchmarks/target/classpath/*" \
  --add-modules ALL-MODULE-PATH \
  -m dev.lathe.benchmarks/dev.lathe.benchmarks.TrainingThroughput "${args[@]}"
