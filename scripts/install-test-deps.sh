#!/usr/bin/env bash
# Installs what the test suite needs beyond Rust: Debian's Chromium and
# ChromeDriver for the browser tests (all-in-one/tests/browser.rs).
# Idempotent; needs root (or sudo) on a Debian machine.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-test-deps: installing chromium and chromium-driver from Debian" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
