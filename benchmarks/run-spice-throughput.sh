#!/usr/bin/env bash
# Measures the gcnrl plugin's ngspice simulations per second, in-process (libngspice through
# JNA) beside one ngspice process per simulation, in the same run.
#   benchmarks/run-spice-throughput.sh [--circuit opamp2|tia2|tia3] [--simulations N] [--repeats R]
# Needs Debian's ngspice and libngspice0 (./run-tests installs them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -p "$root/benchmarks/target/modules:$root/benchmarks/target/classes" \
  --add-modules ALL-MODULE-PATH \
  -m dev.lathe.benchmarks/dev.lathe.benchmarks.SpiceThroughput "$@"
