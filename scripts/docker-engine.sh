#!/usr/bin/env bash
# Makes a working Docker engine and the two base images the Dockerfile needs,
# on a Debian machine that reaches Debian's and crates.io's registries but no
# container registry. Idempotent: each step is skipped when already done.
#
#   1. docker.io, docker-compose (1.29) and mmdebstrap from Debian, if missing;
#   2. dockerd started in the background, if no engine answers;
#   3. debian:bookworm-slim, built with mmdebstrap, if it cannot be pulled;
#   4. rust:1-slim-bookworm, the same plus gcc and this machine's stable Rust
#      toolchain and CA bundle, if it cannot be pulled.
# Needs root.
set -euo pipefail

say() { printf 'docker-engine: %s\n' "$*" >&2; }

if ! command -v dockerd >/dev/null || ! command -v docker-compose >/dev/null || ! command -v mmdebstrap >/dev/null; then
    say "installing docker.io, docker-compose and mmdebstrap"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io docker-compose mmdebstrap >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
    say "starting dockerd"
    nohup dockerd >/var/log/dockerd.log 2>&1 &
    for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
    docker info >/dev/null 2>&1 || { say "dockerd did not start; see /var/log/dockerd.log"; exit 1; }
fi

have_image() { docker image inspect "$1" >/dev/null 2>&1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! have_image debian:bookworm-slim && ! docker pull -q debian:bookworm-slim >/dev/null 2>&1; then
    say "building debian:bookworm-slim with mmdebstrap (no registry reachable)"
    mmdebstrap --quiet --variant=minbase bookworm "$work/base.tar"
    docker import "$work/base.tar" debian:bookworm-slim >/dev/null
fi

if ! have_image rust:1-slim-bookworm && ! docker pull -q rust:1-slim-bookworm >/dev/null 2>&1; then
    say "building rust:1-slim-bookworm: Debian, gcc, make, and this machine's Rust toolchain"
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
        "$work/rust.tar" rust:1-slim-bookworm >/dev/null
fi
say "ready: $(docker version --format '{{.Server.Version}}'), $(docker-compose version --short)"
