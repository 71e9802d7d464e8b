#!/usr/bin/env bash
# Measures Lathe's training steps per second beside PyTorch's in the same run, same threads.
#   benchmarks/run-training-throughput.sh [--threads N] [--models mlp,cnn,transformer]
#       [--warmup W] [--steps S] [--repeats R] [--profile-steps P] [--json FILE]
#       [--nd4j-classifier CLASSIFIER]
# Needs Debian's python3-torch (./run-tests installs it). ND4J reads its thread count from
# OMP_NUM_THREADS when it starts, so --threads is turned into that (default 1).
# Lathe runs on the build of nd4j-native's natives that ./lathe loads on this machine: classifier
# linux-x86_64-onednn-avx2 on Linux x86_64 CPUs with AVX2, else the default linux-x86_64;
# LATHE_ND4J_NATIVES=default|onednn-avx2 overrides the choice as it does for ./lathe, and
# --nd4j-classifier names any classifier. A classifier other than linux-x86_64 is copied from
# Maven into benchmarks/target/classpath-CLASSIFIER; JavaCPP loads the one build on the class path.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
threads=1
case "${LATHE_ND4J_NATIVES:-}" in
  "")
    classifier=linux-x86_64
    if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] && grep -qw avx2 /proc/cpuinfo 2>/dev/null; then
      classifier=linux-x86_64-onednn-avx2
    fi ;;
  default) classifier=linux-x86_64 ;;
  onednn-avx2) classifier=linux-x86_64-onednn-avx2 ;;
  *) echo "run-training-throughput.sh: LATHE_ND4J_NATIVES is '$LATHE_ND4J_NATIVES'; it must be default or onednn-avx2" >&2
     exit 2 ;;
esac
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads="$2"; shift 2 ;;
    --nd4j-classifier) classifier="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
(cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
classpath="$root/benchmarks/target/classpath/*"
if [ "$classifier" != linux-x86_64 ]; then
  default_jar="$(ls "$root"/benchmarks/target/classpath/nd4j-native-[0-9]*-linux-x86_64.jar)"
  version="$(basename "$default_jar" -linux-x86_64.jar)"
  version="${version#nd4j-native-}"
  alternative="$root/benchmarks/target/classpath-$classifier"
  (cd "$root" && mvn -B -q -pl benchmarks dependency:copy \
    -Dartifact="org.nd4j:nd4j-native:$version:jar:$classifier" -DoutputDirectory="$alternative")
  classpath="$(find "$root/benchmarks/target/classpath" -name '*.jar' ! -path "$default_jar" \
    | tr '\n' ':')$alternative/nd4j-native-$version-$classifier.jar"
fi
OMP_NUM_THREADS="$threads" exec java -Dlathe.benchmarks.dir="$root/benchmarks" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -p "$root/benchmarks/target/modules:$root/benchmarks/target/classes" \
  -cp "$classpath" \
  --add-modules ALL-MODULE-PATH \
  -m dev.lathe.benchmarks/dev.lathe.benchmarks.TrainingThroughput "${args[@]}"
