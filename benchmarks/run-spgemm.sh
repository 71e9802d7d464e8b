#!/usr/bin/env bash
# Squares sparse matrices with Lathe's SpGEMM beside SciPy in the same run, then measures the
# SpArch accelerator's throughput (partial products simulated per second of Accelerator.estimate)
# on NotreDame_www A x A.
#   benchmarks/run-spgemm.sh [--data DIR] [--repeats R] [--json FILE]
# DIR defaults to ${LATHE_DATA:-$HOME/.lathe/data}/graphs; NotreDame_www.mtx is fetched there first
# by benchmarks/fetch-graph-data.sh. Needs Debian's python3-scipy.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${LATHE_DATA:-$HOME/.lathe/data}/graphs"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data="$2"; shift 2;;
    *) args+=("$1"); shift;;
  esac
done
"$root/benchmarks/fetch-graph-data.sh" "$data"
/usr/bin/python3 -c 'import scipy' 2>/dev/null || {
  echo "run-spgemm: needs Debian's python3-scipy (apt-get install python3-scipy)" >&2; exit 1; }
(cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -Xmx6g -Dlathe.benchmarks.dir="$root/benchmarks" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -p "$root/benchmarks/target/modules:$root/benchmarks/target/classes" \
  --add-modules ALL-MODULE-PATH \
  -m dev.lathe.benchmarks/dev.lathe.benchmarks.Spgemm \
  --data "$data" --work "$work" \
  --shipped "$root/plugins/sparch/src/main/resources/dev/lathe/plugin/sparch/matrices" "${args[@]}"
