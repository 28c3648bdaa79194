# One image with the three services (and the healthcheck probe); the compose
# file runs it three times with a different command.
#
# Build stage: the official Rust image, its version pinned (at least the
# workspace's rust-version). Run stage: slim Debian, non-root. Where no registry
# is reachable, scripts/docker-engine.sh builds stand-ins for both base images
# offline under the same names.
ARG RUST_IMAGE=rust:1.95-slim-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${RUST_IMAGE} AS build
# jemalloc (service-kit's allocator) builds with make, which the official slim image lacks.
RUN command -v make >/dev/null || { apt-get update -qq \
    && apt-get install -y -qq --no-install-recommends make >/dev/null && rm -rf /var/lib/apt/lists/*; }
WORKDIR /src

# Dependencies first, in their own layer: the manifests and the lock with an
# empty stub for each crate's sources. This layer is rebuilt only when a
# manifest or Cargo.lock changes, not when a source file does.
ARG CRATES="shared-models api-client service-kit app-kit webapi-pgw webapp-async mvc-async all-in-one test-support load-lab"
ARG PACKAGES="-p webapi-pgw -p webapp-async -p mvc-async -p service-kit"
COPY Cargo.toml Cargo.lock ./
COPY shared-models/Cargo.toml shared-models/
COPY api-client/Cargo.toml api-client/
COPY service-kit/Cargo.toml service-kit/
COPY app-kit/Cargo.toml app-kit/
COPY webapi-pgw/Cargo.toml webapi-pgw/
COPY webapp-async/Cargo.toml webapp-async/
COPY mvc-async/Cargo.toml mvc-async/
COPY all-in-one/Cargo.toml all-in-one/
COPY test-support/Cargo.toml test-support/
COPY load-lab/Cargo.toml load-lab/
RUN for crate in $CRATES; do mkdir -p $crate/src && : > $crate/src/lib.rs && echo 'fn main() {}' > $crate/src/main.rs; done \
 && cargo build --release --locked $PACKAGES \
 && for crate in $CRATES; do rm -rf $crate/src; done

# Then the sources. COPY keeps their old timestamps, older than the stubs'
# build, so they are touched for cargo to see them as changed.
COPY . .
RUN find $CRATES -name '*.rs' -exec touch {} + \
 && cargo build --release --locked --bins $PACKAGES \
 && mkdir /out \
 && cp target/release/webapi-pgw target/release/webapp-async target/release/mvc-async target/release/healthcheck /out/

FROM ${RUNTIME_IMAGE}
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin app
COPY --from=build /out/ /usr/local/bin/
USER app
ENV BIND=0.0.0.0 RUST_LOG=info
EXPOSE 7734 7735 7736
# The probe asks 127.0.0.1:$PORT/healthz; PORT defaults to the API's, the
# image's default command (docker-compose.yml sets PORT for each service).
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD healthcheck "${PORT:-7734}"
CMD ["webapi-pgw"]
