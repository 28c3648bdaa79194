#!/usr/bin/env bash
# Runs every test: installs the browser the browser tests need if it is missing
# and it can (otherwise it says what to install, and those tests skip), then the
# whole workspace's tests. Extra arguments go to cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh || true
cargo test --workspace "$@"
