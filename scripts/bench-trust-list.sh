#!/usr/bin/env bash
# Whole-process time of `./bulwark trust list GUN` vs the real `notary list GUN` against the real
# notary-server + notary-signer (Debian 0.7, memory storage) on loopback with TLS, with hyperfine.
# The collection (3 targets + a targets/releases delegation with 1 target) is published with the
# real notary client first. Two cases: warm cache (trust dir already holds the GUN's metadata:
# one GET timestamp.json) and cold cache (TOFU: root, timestamp, snapshot, targets, delegation).
#
# Usage: scripts/bench-trust-list.sh [--runs N] [--warmup N] [--keep] [--bulwark LAUNCHER]
#   --bulwark: the launcher to time (default ./bulwark of this tree; use a launcher in a quiet copy,
#   e.g. `git archive HEAD | tar -x -C /tmp/snap`, when other builds are touching this tree).
# Needs: /usr/bin/notary, notary-server, notary-signer, openssl, curl, hyperfine, a JDK >= 25.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
runs=20 warmup=3 keep=0 launcher="$root/bulwark"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --bulwark) launcher="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
for b in /usr/bin/notary /usr/bin/notary-server /usr/bin/notary-signer; do
  [ -x "$b" ] || { echo "missing $b (apt-get install notary)" >&2; exit 1; }
done
command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 1; }

dir="$(mktemp -d /tmp/bulwark-bench-trust.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ "$keep" = 0 ]; then rm -rf "$dir"; else echo "kept $dir" >&2; fi
}
trap cleanup EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

# --- throw-away TLS: ECDSA P-256 CA + leaf for localhost/127.0.0.1 ---
c="$dir/certs"; mkdir -p "$c"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$c/ca.key" 2>/dev/null
openssl req -x509 -new -key "$c/ca.key" -subj "/CN=bench CA" -days 2 -sha256 \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign -out "$c/ca.crt"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$c/leaf.key" 2>/dev/null
openssl req -new -key "$c/leaf.key" -subj "/CN=localhost" -out "$c/leaf.csr"
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n' > "$c/leaf.ext"
openssl x509 -req -in "$c/leaf.csr" -CA "$c/ca.crt" -CAkey "$c/ca.key" -set_serial 1 -days 2 \
  -sha256 -extfile "$c/leaf.ext" -out "$c/leaf.crt" 2>/dev/null

# --- notary-signer + notary-server ---
sport="$(free_port)" port="$(free_port)"
cat > "$dir/signer.json" <<JSON
{"server":{"grpc_addr":"127.0.0.1:$sport","tls_cert_file":"$c/leaf.crt","tls_key_file":"$c/leaf.key"},
 "logging":{"level":"error"},"storage":{"backend":"memory"}}
JSON
cat > "$dir/server.json" <<JSON
{"server":{"http_addr":"127.0.0.1:$port","tls_cert_file":"$c/leaf.crt","tls_key_file":"$c/leaf.key"},
 "trust_service":{"type":"remote","hostname":"127.0.0.1","port":"$sport","tls_ca_file":"$c/ca.crt",
   "tls_client_cert":"$c/leaf.crt","tls_client_key":"$c/leaf.key","key_algorithm":"ecdsa"},
 "logging":{"level":"error"},"storage":{"backend":"memory"}}
JSON
notary-signer -config "$dir/signer.json" > "$dir/signer.log" 2>&1 & pids+=($!)
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$sport") 2>/dev/null && break; sleep 0.1; done
notary-server -config "$dir/server.json" > "$dir/server.log" 2>&1 & pids+=($!)
url="https://127.0.0.1:$port"
for _ in $(seq 100); do
  curl -fsS --cacert "$c/ca.crt" "$url/_notary_server/health" >/dev/null 2>&1 && break; sleep 0.1
done
curl -fsS --cacert "$c/ca.crt" "$url/_notary_server/health" >/dev/null

# --- publish with the real client ---
gun="localhost:5000/bench/busybox"
client_config() { # $1 = trust dir
  mkdir -p "$1"
  printf '{"trust_dir":"%s","remote_server":{"url":"%s","root_ca":"%s"}}\n' "$1" "$url" "$c/ca.crt" > "$1/config.json"
  echo "$1/config.json"
}
export NOTARY_ROOT_PASSPHRASE=bench NOTARY_TARGETS_PASSPHRASE=bench \
  NOTARY_SNAPSHOT_PASSPHRASE=bench NOTARY_DELEGATION_PASSPHRASE=bench
alice="$(client_config "$dir/alice")"
n() { HOME="$dir" notary -c "$alice" "$@" >/dev/null; }
n init -p "$gun"
for t in 1.35 1.36 latest; do echo "$t" > "$dir/$t.txt"; n add -p "$gun" "$t" "$dir/$t.txt"; done
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/releases.key" 2>/dev/null
openssl req -x509 -new -key "$dir/releases.key" -subj "/CN=releases" -days 2 -out "$dir/releases.crt"
n delegation add -p "$gun" targets/releases "$dir/releases.crt" --all-paths
n key import "$dir/releases.key" --role targets/releases
echo 1.37 > "$dir/1.37.txt"; n add -p "$gun" 1.37 "$dir/1.37.txt" --roles targets/releases

# --- build bulwark once (and its AOT cache), check both print the same ---
bob="$(client_config "$dir/bob")" carol="$(client_config "$dir/carol")"
notary_cmd="notary -c $bob list $gun"
bulwark_cmd="$launcher trust -c $carol list $gun"
"$launcher" --version >/dev/null
HOME="$dir" $notary_cmd > "$dir/notary.out"
HOME="$dir" $bulwark_cmd > "$dir/bulwark.out"
if ! diff -u "$dir/notary.out" "$dir/bulwark.out"; then echo "outputs differ" >&2; exit 1; fi
cat "$dir/notary.out"

echo "== warm cache (metadata cached; one GET timestamp.json) =="
HOME="$dir" hyperfine -N -w "$warmup" -r "$runs" --export-json "$dir/warm.json" \
  -n "notary list" "$notary_cmd" -n "bulwark trust list" "$bulwark_cmd"
echo "== cold cache (trust on first use: root, timestamp, snapshot, targets, delegation) =="
HOME="$dir" hyperfine -N -w "$warmup" -r "$runs" --export-json "$dir/cold.json" \
  --prepare "rm -rf $dir/bob/tuf $dir/carol/tuf" \
  -n "notary list" "$notary_cmd" -n "bulwark trust list" "$bulwark_cmd"
