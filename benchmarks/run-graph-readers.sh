#!/usr/bin/env bash
# Reads real graph files with Lathe beside SciPy (Matrix Market) and an independent Python count
# (OpenStreetMap) in the same run, and prints times, ratios and counts.
#   benchmarks/run-graph-readers.sh [--data DIR] [--repeats R] [--json FILE]
# DIR defaults to ${LATHE_DATA:-$HOME/.lathe/data}/graphs; missing files are fetched there first
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
  echo "run-graph-readers: needs Debian's python3-scipy (apt-get install python3-scipy)" >&2; exit 1; }
(cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
exec java -Dlathe.benchmarks.dir="$root/benchmarks" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -p "$root/benchmarks/target/modules:$root/benchmarks/target/classes" \
  --add-modules ALL-MODULE-PATH \
  -m dev.lathe.benchmarks/dev.lathe.benchmarks.GraphReaders \
  --mtx "$data/NotreDame_www.mtx" \
  --osm "$data/liechtenstein-2013-08-03.osm.pbf" \
  --osm-reference "$data/liechtenstein-2013-08-03.osm.bz2" "${args[@]}"
