#!/usr/bin/env bash
# Times `bulwark trust publish` (1 and 1,000 staged targets) and `list` of a 10,000-target
# collection, side by side with the real `notary` client, against one real notary-server (Debian
# notary 0.7, started here on a free loopback port through the testkit, memory storage).
#
# usage: scripts/bench-trust-publish.sh [--runs N] [--out DIR]
# Needs: the notary package (/usr/bin/notary, notary-server, notary-signer), openssl, python3.
# Both clients stage targets the same way: change files written straight into the trust dir's
# changelist (Bulwark uses Notary's change-file format), so only `publish` itself is timed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=3
out="$(mktemp -d /tmp/bulwark-bench-trust.XXXXXX)"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; mkdir -p "$out"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--out DIR]" >&2; exit 2 ;;
  esac
done
for b in notary notary-server notary-signer openssl python3; do
  command -v "$b" >/dev/null || { echo "bench: $b not found (install the notary package)" >&2; exit 1; }
done

source "$here/scripts/lib.sh"
JAVA_HOME="$(bulwark_jdk)"; export JAVA_HOME
"$here/bulwark" --version >/dev/null   # builds the CLI if needed
# The testkit's class path from this tree's reactor (nothing is installed into ~/.m2, which other
# checkouts share): the last module built, testkit, writes the file last.
cp_file="$out/testkit.cp"
(cd "$here" && ./mvnw -q -B -pl testkit -am package dependency:build-classpath -DskipTests \
  -Dspotless.skip=true -Dmdep.outputFile="$cp_file" >/dev/null)
testkit_cp="$here/testkit/target/classes:$(cat "$cp_file")"

# A tiny launcher that keeps the real notary-server running until stdin closes.
cat > "$out/RunNotary.java" <<'EOF'
import dev.bulwark.testkit.notary.NotaryServerProcess;
import dev.bulwark.testkit.notary.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
public class RunNotary {
  public static void main(String[] a) throws Exception {
    Path dir = Path.of(a[0]);
    try (NotaryServerProcess s = NotaryServerProcess.start(dir, Storage.memory())) {
      Files.writeString(dir.resolve("url"), s.url().toString());
      Files.writeString(dir.resolve("ca"), s.caCert().toString());
      while (System.in.read() >= 0) { }
    }
  }
}
EOF
mkfifo "$out/server.stdin"
"$JAVA_HOME/bin/java" -cp "$testkit_cp" "$out/RunNotary.java" "$out/server" < "$out/server.stdin" > "$out/server.out" 2>&1 &
server_pid=$!
exec 9> "$out/server.stdin"
cleanup() { exec 9>&-; wait "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 120); do [ -f "$out/server/url" ] && break; sleep 0.5; done
[ -f "$out/server/url" ] || { echo "bench: notary-server did not start, see $out/server.out" >&2; exit 1; }
url="$(cat "$out/server/url")"; ca="$(cat "$out/server/ca")"
echo "notary-server at $url (results in $out)"

export NOTARY_ROOT_PASSPHRASE=bench-passphrase NOTARY_TARGETS_PASSPHRASE=bench-passphrase \
  NOTARY_SNAPSHOT_PASSPHRASE=bench-passphrase NOTARY_DELEGATION_PASSPHRASE=bench-passphrase
notary_cli() { local d="$1"; shift; notary -d "$d" -s "$url" --tlscacert "$ca" "$@"; }
bulwark_cli() { local d="$1"; shift; "$here/bulwark" trust -d "$d" -s "$url" --tlscacert "$ca" "$@"; }

# stage COUNT DIR GUN PREFIX: write COUNT change files (Notary format) into DIR's changelist.
stage() {
  python3 - "$1" "$2" "$3" "$4" <<'EOF'
import base64, hashlib, json, os, sys, time, uuid
count, trust, gun, prefix = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
d = os.path.join(trust, "tuf", gun, "changelist"); os.makedirs(d, exist_ok=True)
for i in range(count):
    name = f"{prefix}-{i}"
    digest = hashlib.sha256(name.encode()).digest()
    data = json.dumps({"hashes": {"sha256": base64.b64encode(digest).decode()}, "length": 100 + i},
                      separators=(",", ":"), sort_keys=True)
    change = {"action": "create", "role": "targets", "type": "target", "path": name,
              "data": base64.b64encode(data.encode()).decode()}
    fn = "%020d_%s.change" % (time.time_ns() + i, uuid.uuid4())
    with open(os.path.join(d, fn), "w") as f: json.dump(change, f)
EOF
}

ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# time_publish TOOL COUNT -> median ms over $runs publishes of COUNT staged targets
time_publish() {
  local tool="$1" count="$2" dir="$out/$1-trust" gun="localhost:5000/bench/$1" t0 t1
  for r in $(seq 1 "$runs"); do
    stage "$count" "$dir" "$gun" "c$count-r$r"
    t0=$(ms)
    if [ "$tool" = notary ]; then notary_cli "$dir" publish "$gun" >/dev/null; else bulwark_cli "$dir" publish "$gun" >/dev/null; fi
    t1=$(ms); echo $((t1 - t0))
  done | median
}

notary_cli "$out/notary-trust" init -p localhost:5000/bench/notary >/dev/null
bulwark_cli "$out/bulwark-trust" init localhost:5000/bench/bulwark >/dev/null

declare -A result
for tool in notary bulwark; do
  result[$tool-1]=$(time_publish "$tool" 1)
  result[$tool-1000]=$(time_publish "$tool" 1000)
done

# A 10,000-target collection (published once by notary), listed cold by both clients.
big=localhost:5000/bench/big
notary_cli "$out/big-trust" init -p "$big" >/dev/null
stage 10000 "$out/big-trust" "$big" t
notary_cli "$out/big-trust" publish "$big" >/dev/null
for tool in notary bulwark; do
  for r in $(seq 1 "$runs"); do
    rm -rf "$out/list-$tool"
    t0=$(ms)
    if [ "$tool" = notary ]; then notary_cli "$out/list-$tool" list "$big" > "$out/list-$tool.txt"; else bulwark_cli "$out/list-$tool" list "$big" > "$out/list-$tool.txt"; fi
    t1=$(ms); echo $((t1 - t0))
  done | median > "$out/list-$tool.ms"
  result[$tool-list]=$(cat "$out/list-$tool.ms")
done
lines_n=$(grep -c '^t-' "$out/list-notary.txt" || true); lines_b=$(grep -c '^t-' "$out/list-bulwark.txt" || true)

printf '\n%-40s %12s %12s\n' "median wall time of $runs runs (ms)" "notary 0.7" "bulwark"
printf '%-40s %12s %12s\n' "publish, 1 staged target" "${result[notary-1]}" "${result[bulwark-1]}"
printf '%-40s %12s %12s\n' "publish, 1,000 staged targets" "${result[notary-1000]}" "${result[bulwark-1000]}"
printf '%-40s %12s %12s\n' "list, 10,000 targets (cold trust dir)" "${result[notary-list]}" "${result[bulwark-list]}"
printf '%-40s %12s %12s\n' "targets listed" "$lines_n" "$lines_b"
