# One image with the three services (and the healthcheck probe); the compose
# file runs it three times with a different command.
#
# Build stage: the official Rust image. Run stage: slim Debian, non-root.
# Where no registry is reachable, scripts/docker-engine.sh builds stand-ins
# for both base images offline under the same names.
ARG RUST_IMAGE=rust:1-slim-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${RUST_IMAGE} AS build
# jemalloc (service-kit's allocator) builds with make, which the official slim image lacks.
RUN command -v make >/dev/null || { apt-get update -qq \
    && apt-get install -y -qq --no-install-recommends make >/dev/null && rm -rf /var/lib/apt/lists/*; }
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bins -p webapi-pgw -p webapp-async -p mvc-async -p service-kit \
 && mkdir /out \
 && cp target/release/webapi-pgw target/release/webapp-async target/release/mvc-async target/release/healthcheck /out/

FROM ${RUNTIME_IMAGE}
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin app
COPY --from=build /out/ /usr/local/bin/
USER app
ENV BIND=0.0.0.0 RUST_LOG=info
EXPOSE 7734 7735 7736
CMD ["webapi-pgw"]
