#!/usr/bin/env bash
# Installs what the browser tests (all-in-one/tests/browser.rs) need beyond
# Rust: Chromium and chromedriver. Only when they are missing, and only where it
# can: with apt, as root or with sudo (Debian's chromium and chromium-driver).
# Anywhere else it says what to install and exits 0, so the rest of the tests
# run either way; the browser tests then skip with a reason (under CI=true they
# fail instead). The tests find the browser as this script does: CHROME and
# CHROMEDRIVER if set, else chromium, chromium-browser or google-chrome, and
# chromedriver, on PATH.
set -uo pipefail

say() { printf 'install-test-deps: %s\n' "$*" >&2; }
found() { # VAR NAME...: true when $VAR names a file, or (VAR unset) when a NAME is on PATH
    local var=$1; shift
    if [ -n "${!var:-}" ]; then [ -f "${!var}" ]; return; fi
    local name
    for name in "$@"; do command -v "$name" >/dev/null && return 0; done
    return 1
}
have_all() { found CHROME chromium chromium-browser google-chrome && found CHROMEDRIVER chromedriver; }

have_all && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then sudo="sudo"; else sudo="none"; fi
fi
if command -v apt-get >/dev/null && [ "$sudo" != none ] && [ -z "${CHROME:-}${CHROMEDRIVER:-}" ]; then
    say "installing chromium and chromium-driver with apt-get"
    if $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null \
        && have_all; then
        exit 0
    fi
    say "apt-get could not install them"
fi
say "Chromium or chromedriver is missing: the browser tests will skip (under CI=true, fail). Install them:"
say "  Debian:        apt-get install chromium chromium-driver"
say "  Ubuntu:        apt-get install chromium-browser chromium-chromedriver (or Chrome and its chromedriver)"
say "  Fedora:        dnf install chromium chromedriver"
say "  macOS:         Google Chrome, brew install --cask chromedriver, and CHROME=\"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome\""
say "  or point CHROME and CHROMEDRIVER at a browser and its driver."
exit 0
