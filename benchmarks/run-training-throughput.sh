#!/usr/bin/env bash
# Measures Lathe's training steps per second beside PyTorch's in the same run, same threads.
#   benchmarks/run-training-throughput.sh [--threads N] [--models mlp,cnn,transformer]
#       [--warmup W] [--steps S] [--repeats R] [--json FILE] [--nd4j-classifier CLASSIFIER]
# Needs Debian's python3-torch (./run-tests installs it). ND4J reads its thread count from
# OMP_NUM_THREADS when it starts, so --threads is turned into that (default 1).
# --nd4j-classifier linux-x86_64-onednn-avx2 runs Lathe on that build of nd4j-native's natives
# instead of the default linux-x86_64 (copied from Maven into benchmarks/target; ./lathe itself
# picks the oneDNN build on AVX2 CPUs): JavaCPP loads the one build on the class path.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
threads=1
classifier=""
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
if [ -n "$classifier" ]; then
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
