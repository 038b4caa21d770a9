#!/usr/bin/env bash
# The one test command (README "Run all tests"): installs what the tests need on a fresh Debian
# machine, starts the shared services on loopback, then runs every unit and integration test.
#   scripts/test.sh            all tests
#   scripts/test.sh -pl sandbox -am   extra arguments go to Maven
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

# shellcheck source=scripts/lib.sh
source "$here/scripts/lib.sh"

bulwark_install_packages
bulwark_start_postgres      # exports BULWARK_PG_URL (a private cluster on 127.0.0.1)
bulwark_fetch_kernel        # exports BULWARK_TEST_KERNEL (a Debian kernel, extracted, not installed)
export JAVA_HOME="$(bulwark_jdk)"
# The other real peers (notary-server, notary-signer, docker-registry, qemu) are started by the
# integration tests themselves on free loopback ports, one instance per test class.
./mvnw -B -ntp verify "$@"
