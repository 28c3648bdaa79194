#!/usr/bin/env bash
# The Web API's contract: checks the running webapi-pgw against its own OpenAPI
# document (/openapi.json, from webapi-pgw/api/openapi.json) with schemathesis.
# Installs schemathesis from PyPI into a venv under ~/.cache if missing, builds and
# starts the API on a free port with a fixed 5 ms delay and --max-delay 50 (the
# served document says so, so generated delays stay short), runs every check, and
# fails on any failure. `?fault=` and `?status=` fail on purpose and are left out
# of generated requests (scripts/contract_hooks.py says why).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${CONTRACT_VENV:-$HOME/.cache/async-aspnet/schemathesis-venv}
if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "schemathesis>=4.3,<5"
fi
cargo build -q -p webapi-pgw
target=${CARGO_TARGET_DIR:-target}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
RUST_LOG=warn "$target/debug/webapi-pgw" --port "$port" --delay-min 5 --delay-max 5 --max-delay 50 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done

# Run from a scratch directory: schemathesis keeps its replay data in ./.schemathesis.
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$work" && SCHEMATHESIS_HOOKS=contract_hooks PYTHONPATH="$OLDPWD/scripts" \
    "$venv/bin/schemathesis" run "http://127.0.0.1:$port/openapi.json" \
    --checks all --max-examples "${MAX_EXAMPLES:-100}" --request-timeout 5 --seed 1)
echo "contract-check: webapi-pgw meets its OpenAPI document" >&2
