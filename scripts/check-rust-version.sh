#!/usr/bin/env bash
# Checks that the workspace's declared minimum Rust (`rust-version` in
# Cargo.toml) is at least the highest `rust-version` any locked dependency
# declares, so the claim cannot go stale when Cargo.lock moves. Cheap: reads
# `cargo metadata`, builds nothing. (To prove the minimum really builds, where
# that toolchain can be installed: `cargo +1.89 check --workspace --locked`.)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo metadata --format-version 1 --locked | python3 -c '
import json, sys
metadata = json.load(sys.stdin)
members = set(metadata["workspace_members"])
def version(text):  # "1.85" and "1.85.0" are the same version
    parts = [int(part) for part in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))
declared = {p["rust_version"] for p in metadata["packages"] if p["id"] in members}
if len(declared) != 1 or None in declared:
    sys.exit(f"check-rust-version: the workspace members must share one rust-version, found {sorted(map(str, declared))}")
declared = declared.pop()
deps = [(version(p["rust_version"]), p["name"], p["version"], p["rust_version"])
        for p in metadata["packages"] if p["id"] not in members and p.get("rust_version")]
needed = max(deps)
if version(declared) < needed[0]:
    above = sorted(f"{name} {v} (rust-version {rv})" for key, name, v, rv in deps if key > version(declared))
    sys.exit(f"check-rust-version: Cargo.toml declares rust-version = \"{declared}\", but the lock needs "
             f"{needed[3]}: " + ", ".join(above) + ". Raise rust-version in the root Cargo.toml.")
print(f"check-rust-version: rust-version {declared} covers every locked dependency "
      f"(highest: {needed[1]} {needed[2]}, {needed[3]})", file=sys.stderr)
'
