#!/usr/bin/env bash
# Round-trip spanners on road-like grids of growing size, and Dijkstra beside JGraphT's on the
# same graphs, in one run:
#   benchmarks/run-spanner-scaling.sh [--sizes 10000,100000,1000000] [--sources 10] [--k 4]
#       [--dijkstra-sources 5] [--methods exact,roundtrip,cover] [--osm FILE]
# --osm defaults to liechtenstein-2013-08-03.osm.pbf in ${LATHE_DATA:-$HOME/.lathe/data}/graphs
# when it is there (benchmarks/fetch-graph-data.sh brings it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
osm="${LATHE_DATA:-$HOME/.lathe/data}/graphs/liechtenstein-2013-08-03.osm.pbf"
args=()
[ -f "$osm" ] && args+=(--osm "$osm")
(cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
exec java ${LATHE_JAVA_OPTS:--Xmx6g} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -p "$root/benchmarks/target/modules:$root/benchmarks/target/classes" \
  --add-modules ALL-MODULE-PATH \
  -m dev.lathe.benchmarks/dev.lathe.benchmarks.SpannerScaling "${args[@]}" "$@"
