#!/usr/bin/env bash
# Runs every test: installs the browser the browser tests need if it is
# missing, then the whole workspace's tests. Extra arguments go to cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
cargo test --workspace "$@"
