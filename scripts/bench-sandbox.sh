#!/usr/bin/env bash
# Sandbox benchmarks (issue 6):
#  1. N launches of /bin/true from one JVM: plain ProcessBuilder vs confined (reused launcher and
#     a new launcher thread per child). Median of ROUNDS alternating rounds.
#  2. Whole-process time of `bulwark sandbox ... -- /bin/true` vs plain /bin/true (hyperfine).
# Usage: scripts/bench-sandbox.sh [N=200] [ROUNDS=5] [RUNS=30]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/lib.sh"
n="${1:-200}"; rounds="${2:-5}"; runs="${3:-30}"
jdk="$(bulwark_jdk)"
cd "$here"
JAVA_HOME="$jdk" ./mvnw -q -B -pl sandbox -Dspotless.skip=true test-compile >&2
echo "== $n launches of /bin/true from one JVM (median of $rounds rounds)"
"$jdk/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp sandbox/target/classes:sandbox/target/test-classes \
  dev.bulwark.sandbox.bench.LaunchBench "$n" "$rounds"

echo "== whole process: bulwark sandbox -- /bin/true vs /bin/true ($runs runs each)"
./bulwark sandbox --rox /usr,/bin,/lib,/lib64 -- /bin/true   # builds and trains the AOT cache once
command -v hyperfine >/dev/null || { echo "hyperfine is required (apt-get install hyperfine)" >&2; exit 1; }
fast=("$jdk/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED
  -cp cli/target/bulwark.jar dev.bulwark.cli.sandbox.SandboxMain)
hyperfine -N --warmup 3 --runs "$runs" \
  '/bin/true' \
  "$jdk/bin/java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version" \
  "./bulwark --version" \
  "./bulwark sandbox --rox /usr,/bin,/lib,/lib64 -- /bin/true" \
  "./bulwark sandbox --rox /usr,/bin,/lib,/lib64 --ro /etc --rw /tmp --connect-tcp 443 --scope signal,abstract-unix -- /bin/true" \
  "${fast[*]} --rox /usr,/bin,/lib,/lib64 -- /bin/true"
