#!/usr/bin/env bash
# Measures sgemm GFLOP/s through ND4J beside NumPy's and PyTorch's in the same run, and beside
# the machine's analytic peak (cores × clock × FLOPs per cycle, stated in the output).
#   benchmarks/run-sgemm.sh [--sizes 256,512,1024,2048] [--threads 1,N] [--repeats R] [--json FILE]
# Needs Debian's python3-torch (which brings python3-numpy; ./run-tests installs it). ND4J starts
# with as many threads as the largest count asked for (default: every processor), and each
# measurement sets ND4J's OpenBLAS to its own count.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
threads="1,$(nproc)"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = "--threads" ]; then
    threads="${args[$((i + 1))]}"
  fi
done
max_threads="$(tr ',' '\n' <<<"$threads" | sort -n | tail -1)"
(cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
OMP_NUM_THREADS="$max_threads" exec java -Dlathe.benchmarks.dir="$root/benchmarks" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -p "$root/benchmarks/target/modules:$root/benchmarks/target/classes" \
  -cp "$root/benchmarks/target/classpath/*" \
  --add-modules ALL-MODULE-PATH \
  -m dev.lathe.benchmarks/dev.lathe.benchmarks.SgemmThroughput --threads "$threads" "$@"
