#!/usr/bin/env bash
# Benchmark: `bulwark build` of an image with ~200 MB of layers pulled from a local
# docker-registry, against the raw cost of the same bytes (tar -x + cpio + gzip -n in one run).
#
#   scripts/bench-build.sh [MB_PER_LAYER] [LAYERS]     (default 50 x 4 = 200 MB)
#
# Needs: /usr/bin/docker-registry, curl, sha256sum, cpio (or busybox cpio), a kernel
# (BULWARK_TEST_KERNEL or bulwark_fetch_kernel). Prints both timings and their ratio.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/lib.sh"
mb="${1:-50}"; layers="${2:-4}"
work="$(mktemp -d /tmp/bulwark-buildbench.XXXXXX)"
reg_pid=""
cleanup() { [ -n "$reg_pid" ] && kill "$reg_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

kernel="${BULWARK_TEST_KERNEL:-}"
[ -n "$kernel" ] && [ -f "$kernel" ] || { bulwark_fetch_kernel; kernel="$BULWARK_TEST_KERNEL"; }
CPIO=(cpio); command -v cpio >/dev/null || CPIO=(busybox cpio)

# --- a private registry on a free loopback port
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cat > "$work/registry.yml" <<YML
version: 0.1
storage: {filesystem: {rootdirectory: $work/registry}}
http: {addr: 127.0.0.1:$port}
log: {level: error}
YML
/usr/bin/docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
reg_pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/v2/" >/dev/null && break; sleep 0.1; done
reg="127.0.0.1:$port"

# --- push a blob (monolithic PUT) and an image (config + layers + manifest)
push_blob() { # repo file -> digest
  local d; d="sha256:$(sha256sum "$2" | cut -d' ' -f1)"
  local loc; loc="$(curl -fsS -X POST -D - -o /dev/null "http://$reg/v2/$1/blobs/uploads/" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')"
  case "$loc" in http*) ;; *) loc="http://$reg$loc" ;; esac
  case "$loc" in *\?*) loc="$loc&digest=$d" ;; *) loc="$loc?digest=$d" ;; esac
  curl -fsS -X PUT -H 'Content-Type: application/octet-stream' --data-binary @"$2" "$loc" >/dev/null
  echo "$d"
}
push_image() { # repo tag layer.tar.gz...
  local repo=$1 tag=$2; shift 2
  local descs="" diffs="" f
  for f in "$@"; do
    local d; d="$(push_blob "$repo" "$f")"
    local diff; diff="sha256:$(gzip -dc "$f" | sha256sum | cut -d' ' -f1)"
    descs="$descs${descs:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"$d\",\"size\":$(stat -c %s "$f")}"
    diffs="$diffs${diffs:+,}\"$diff\""
  done
  printf '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":[%s]}}' "$diffs" > "$work/config.json"
  local cd; cd="$(push_blob "$repo" "$work/config.json")"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%s},"layers":[%s]}' \
    "$cd" "$(stat -c %s "$work/config.json")" "$descs" > "$work/manifest.json"
  curl -fsS -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' \
    --data-binary @"$work/manifest.json" "http://$reg/v2/$repo/manifests/$tag" >/dev/null
}

# --- content: LAYERS layers of MB each, half random (incompressible) and half text
echo "generating $layers x $mb MB of layer content..." >&2
mkdir -p "$work/layers"
for i in $(seq 1 "$layers"); do
  d="$work/src$i/data$i"; mkdir -p "$d"
  for j in $(seq 1 $((mb / 2))); do head -c 1048576 /dev/urandom > "$d/random-$j.bin"; done
  for j in $(seq 1 $((mb / 2))); do head -c 1048576 < <(yes "bulwark benchmark line $i $j") > "$d/text-$j.txt"; done
  tar -C "$work/src$i" -cf - . | gzip -n > "$work/layers/l$i.tar.gz"
done
mkdir -p "$work/k"; cp "$kernel" "$work/k/kernel"
tar -C "$work/k" -cf - kernel | gzip -n > "$work/layers/kernel.tar.gz"
push_image bench/kernel 1 "$work/layers/kernel.tar.gz"
push_image bench/big 1 "$work"/layers/l*.tar.gz
du -ch "$work"/layers/l*.tar.gz | tail -n 1 >&2

cat > "$work/bench.yml" <<YML
kernel:
  image: $reg/bench/kernel:1
  cmdline: "console=ttyS0"
  tar: none
init:
  - $reg/bench/big:1
YML

# --- raw cost of the same bytes: unpack the layers, cpio newc, gzip -n
raw() {
  rm -rf "$work/raw"; mkdir -p "$work/raw/root"
  for f in "$work"/layers/l*.tar.gz; do tar -xzf "$f" -C "$work/raw/root"; done
  (cd "$work/raw/root" && find . | "${CPIO[@]}" -o -H newc 2>/dev/null | gzip -n > "$work/raw/initrd.img")
}
bulwark() {
  rm -rf "$work/out" "$work/cache"
  "$jdk/bin/java" -jar "$here/cli/target/bulwark.jar" build --cache "$work/cache" --dir "$work/out" --name bench -f kernel+initrd "$work/bench.yml" >/dev/null
}
"$here/bulwark" --version >/dev/null   # build the CLI outside the timing
jdk="$(cat "$here/cli/target/.jdk")"     # then run the jar directly: no rebuild inside the timing

t0=$(date +%s.%N); raw; t1=$(date +%s.%N); bulwark; t2=$(date +%s.%N)
raw_s=$(echo "$t1 - $t0" | bc -l); bw_s=$(echo "$t2 - $t1" | bc -l)
printf 'raw tar -x + cpio + gzip -n: %.2f s\n' "$raw_s"
printf 'bulwark build (pull + verify + confined flatten + assemble + initrd): %.2f s\n' "$bw_s"
printf 'ratio bulwark/raw: %.2f\n' "$(echo "$bw_s / $raw_s" | bc -l)"
ls -l "$work/out" "$work/raw/initrd.img" >&2
