#!/usr/bin/env bash
# Measures the distributed executor's dispatch overhead: trials that sleep a fixed time on 1, 2,
# 3 worker JVMs beside the ideal wall time, as a ratio (and the local executor for reference).
#   benchmarks/run-dispatch-overhead.sh [--trials N] [--sleep-ms MS] [--workers W] [--slots S]
#                                       [--batch-factor F] [--prefetch P]
# Defaults: 1,000 trials of 20 ms, 3 workers, 4 slots each, batch 4x the slots, prefetch 1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  --add-modules java.se,jdk.net,jdk.management,jdk.unsupported \
  --add-exports java.base/jdk.internal.ref=com.hazelcast.core \
  --add-opens java.base/java.lang=com.hazelcast.core \
  --add-opens java.base/sun.nio.ch=com.hazelcast.core \
  --add-opens java.management/sun.management=com.hazelcast.core \
  --add-opens jdk.management/com.sun.management.internal=com.hazelcast.core \
  -p "$root/benchmarks/target/modules:$root/benchmarks/target/classes" \
  --add-modules ALL-MODULE-PATH \
  -m dev.lathe.benchmarks/dev.lathe.benchmarks.DispatchOverhead "$@"
