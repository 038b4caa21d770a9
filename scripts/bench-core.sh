#!/usr/bin/env bash
# Runs the trust-core JMH benchmarks briefly (a few seconds per case). Not run in CI.
# Usage: scripts/bench-core.sh [extra JMH args, e.g. -p dialect=TUF -rf json -rff out.json]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B -pl benchmarks -am package -Dmaven.test.skip=true
exec "$JAVA_HOME/bin/java" -cp "benchmarks/target/classes:benchmarks/target/lib/*" \
  org.openjdk.jmh.Main 'dev.bulwark.benchmarks.TargetsBenchmark' \
  -wi 2 -w 1s -i 3 -r 2s -f 1 "$@"
