#!/usr/bin/env bash
# Makes a working Docker engine with Compose v2 and the two base images the
# Dockerfile needs, on a Debian machine that reaches Debian's and crates.io's
# registries but no container registry. Idempotent: each step is skipped when
# already done.
#
#   1. docker.io, docker-compose (1.29, for compose-check's second pass) and
#      mmdebstrap from Debian, if missing;
#   2. Compose v2 as a CLI plugin, from Debian trixie (scripts/install-compose.sh);
#   3. dockerd started in the background, if no engine answers;
#   4. the Dockerfile's RUNTIME_IMAGE (debian:bookworm-slim), built with
#      mmdebstrap, if it cannot be pulled;
#   5. the Dockerfile's RUST_IMAGE (rust:<version>-slim-bookworm), the same plus
#      gcc, make and this machine's Rust toolchain and CA bundle, if it cannot
#      be pulled. The tag names a Rust version, so the stand-in is built only
#      when this machine's rustc is that version.
# Needs root.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'docker-engine: %s\n' "$*" >&2; }

if ! command -v dockerd >/dev/null || ! command -v docker-compose >/dev/null || ! command -v mmdebstrap >/dev/null; then
    say "installing docker.io, docker-compose and mmdebstrap"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io docker-compose mmdebstrap >/dev/null
fi
scripts/install-compose.sh

if ! docker info >/dev/null 2>&1; then
    say "starting dockerd"
    nohup dockerd >/var/log/dockerd.log 2>&1 &
    for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
    docker info >/dev/null 2>&1 || { say "dockerd did not start; see /var/log/dockerd.log"; exit 1; }
fi

# The base images' names, from the Dockerfile's ARG defaults.
dockerfile_arg() { sed -n "s/^ARG $1=//p" Dockerfile; }
rust_image=$(dockerfile_arg RUST_IMAGE)
runtime_image=$(dockerfile_arg RUNTIME_IMAGE)

have_image() { docker image inspect "$1" >/dev/null 2>&1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! have_image "$runtime_image" && ! docker pull -q "$runtime_image" >/dev/null 2>&1; then
    say "building $runtime_image with mmdebstrap (no registry reachable)"
    mmdebstrap --quiet --variant=minbase bookworm "$work/base.tar"
    docker import "$work/base.tar" "$runtime_image" >/dev/null
fi

if ! have_image "$rust_image" && ! docker pull -q "$rust_image" >/dev/null 2>&1; then
    # rust:1.95-slim-bookworm -> 1.95; this machine's rustc must be that version.
    wanted=$(sed -E 's/^rust:([0-9]+\.[0-9]+).*/\1/' <<<"$rust_image")
    have=$(rustc --version | sed -E 's/^rustc ([0-9]+\.[0-9]+).*/\1/')
    if [ "$wanted" != "$have" ]; then
        say "cannot pull $rust_image, and this machine's rustc is $have, not $wanted, so no stand-in"
        say "either reach a registry, or build with --build-arg RUST_IMAGE=<an image with Rust $wanted>"
        exit 1
    fi
    say "building $rust_image: Debian, gcc, make, and this machine's Rust $have toolchain"
    toolchain=$(rustc --print sysroot)
    # make: jemalloc's build needs it (the Dockerfile installs it where the image lacks it).
    mmdebstrap --quiet --variant=minbase --include=ca-certificates,gcc,libc6-dev,make \
        --customize-hook="mkdir -p \"\$1/usr/local/rust\"" \
        --customize-hook="tar -C '$toolchain' --exclude=share/doc -cf - . | tar -C \"\$1/usr/local/rust\" -xf -" \
        --customize-hook="cp /etc/ssl/certs/ca-certificates.crt \"\$1/etc/ssl/certs/ca-certificates.crt\"" \
        bookworm "$work/rust.tar"
    docker import \
        --change 'ENV PATH=/usr/local/rust/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'ENV CARGO_HOME=/usr/local/cargo' \
        "$work/rust.tar" "$rust_image" >/dev/null
fi
say "ready: engine $(docker version --format '{{.Server.Version}}'), $(docker compose version), $runtime_image, $rust_image"
