#!/usr/bin/env bash
# Benchmark bulwark server against the real notary-server on loopback TLS with wrk
# (2 threads, 32 connections): GET timestamp.json and GET root.json, req/s and p99.
#
# Usage: scripts/bench-server.sh [--seconds N] [--runs N] [target...]
#   targets: bulwark-h2 bulwark-pg notary-memory notary-pg (default: all four)
# Needs: wrk, openssl, /usr/bin/notary, notary-server, notary-signer, PostgreSQL (started here).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

seconds=10 runs=1 targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
export JAVA_HOME="$(bulwark_jdk)"
bulwark_start_postgres

./mvnw -q -B -pl trust-server -am install -DskipTests >&2
cp_file="$(mktemp)"
./mvnw -q -B -pl trust-server dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file" >&2
cp="trust-server/target/test-classes:trust-server/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"

work="$(mktemp -d /tmp/bulwark-bench.XXXXXX)"
echo "work dir: $work" >&2
"$JAVA_HOME/bin/java" -cp "$cp" dev.bulwark.trust.server.ServerBench \
  "$work" "$seconds" "$runs" "${targets[@]}"
