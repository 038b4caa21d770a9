#!/usr/bin/env bash
# Shared shell functions for scripts/test.sh and the benchmark scripts.

BULWARK_APT_PACKAGES=(notary docker-registry postgresql qemu-system-x86 busybox-static wrk hyperfine
  openssl cpio ca-certificates)

bulwark_jdk() {
  local c
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] || continue
    if "$c/bin/java" -XshowSettings:properties -version 2>&1 | grep -Eq 'java.specification.version = (2[5-9]|[3-9][0-9])'; then
      echo "$c"; return 0
    fi
  done
  echo "no JDK >= 25 found" >&2; return 1
}

bulwark_install_packages() {
  local missing=() p
  for p in "${BULWARK_APT_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
}

# A private PostgreSQL cluster (trust auth, loopback only) under /tmp; idempotent.
bulwark_start_postgres() {
  local port="${BULWARK_PG_PORT:-15432}" dir="${BULWARK_PG_DIR:-/tmp/bulwark-pg}"
  local bin; bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  local runas=(); [ "$(id -u)" -eq 0 ] && runas=(runuser -u postgres --)
  if ! "${runas[@]}" "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" 2>/dev/null; then
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
      "${runas[@]}" "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    "${runas[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/log" -w \
      -o "-h 127.0.0.1 -p $port -k /tmp -c fsync=on -c max_connections=200" start >/dev/null
  fi
  export BULWARK_PG_URL="jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres"
  export BULWARK_PG_PORT="$port"
}

# A Debian kernel image for boot tests, extracted from the package (not installed on the host).
bulwark_fetch_kernel() {
  local dir="${BULWARK_KERNEL_DIR:-/tmp/bulwark-kernel}"
  if [ ! -f "$dir/vmlinuz" ]; then
    mkdir -p "$dir/deb"
    local pkg; pkg="$(apt-cache depends linux-image-cloud-amd64 2>/dev/null | sed -n 's/ *Depends: \(linux-image-[0-9].*\)/\1/p' | head -n 1)"
    [ -n "$pkg" ] || pkg=linux-image-cloud-amd64
    (cd "$dir/deb" && apt-get download "$pkg" >/dev/null 2>&1 || { apt-get update -qq && apt-get download "$pkg" >/dev/null; })
    dpkg-deb -x "$dir"/deb/*.deb "$dir/root"
    cp "$(ls "$dir"/root/boot/vmlinuz-* | head -n 1)" "$dir/vmlinuz"
  fi
  export BULWARK_TEST_KERNEL="$dir/vmlinuz"
}
