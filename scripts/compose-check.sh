#!/usr/bin/env bash
# Proves the containers end to end on this machine, under Compose v2:
#   the file against the Compose Specification (scripts/validate-compose.sh) ->
#   engine, Compose v2 and base images (scripts/docker-engine.sh) -> build
#   (once, for the three services) -> up -> ports published on 127.0.0.1 only ->
#   every page of both apps and the API answers from the host ->
#   stop the API container: it stops gracefully (exit 0, not killed), and both
#   apps answer their error page (502), fast -> start it again: both apps
#   recover -> down.
# Then a short second pass with Debian's docker-compose 1.29 on the image just
# built (up, every page, down), so the file keeps working there too.
# Host ports: API_PORT, WEBAPP_PORT, MVC_PORT (default 27734-27736, so that a
# running `cargo run` on 7734-7736 is not in the way). Needs root.
set -euo pipefail
cd "$(dirname "$0")/.."

export API_PORT=${API_PORT:-27734} WEBAPP_PORT=${WEBAPP_PORT:-27735} MVC_PORT=${MVC_PORT:-27736}
export COMPOSE_PROJECT_NAME=${COMPOSE_PROJECT_NAME:-asyncaspnetcheck}
unset PUBLISH_ADDRESS
say() { printf 'compose-check: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; $compose ps >&2 || true; $compose logs --tail=30 >&2 || true; exit 1; }

begun=$(date +%s)
scripts/validate-compose.sh
scripts/docker-engine.sh
compose="docker compose"
$compose version >/dev/null 2>&1 || { say "no Compose v2 (docker compose); scripts/install-compose.sh installs it"; exit 1; }
say "using $($compose version) with $(command -v docker)"
trap '$compose down --remove-orphans >/dev/null 2>&1 || true' EXIT
$compose down --remove-orphans >/dev/null 2>&1 || true

say "building the image (cargo runs inside the build; this takes a few minutes)"
started=$(date +%s)
if ! $compose build --progress plain > /tmp/compose-build.log 2>&1; then tail -40 /tmp/compose-build.log >&2; fail "build"; fi
say "built in $(( $(date +%s) - started )) s (log: /tmp/compose-build.log)"
# One build for the three services: only webapi's build steps may appear.
if grep -E '^#[0-9]+ \[(webapp|mvc) ' /tmp/compose-build.log >&2; then fail "the image was built more than once"; fi
docker image inspect --format '{{json .Config.Healthcheck.Test}}' async-aspnet:latest | grep -q healthcheck \
    || fail "the image has no HEALTHCHECK"
$compose up -d >/dev/null 2>&1 || fail "up"

# status URL -> HTTP status code (000 when no answer within --max-time)
code() { curl -s -o /tmp/compose-page.html -w '%{http_code}' --max-time "${2:-20}" "$1" || true; }

health() { docker inspect --format '{{.State.Health.Status}}' "$($compose ps -q "$1")" 2>/dev/null || echo gone; }
wait_healthy() { # until Docker's own health checks pass for all three, and the host reaches them
    for _ in $(seq 1 90); do
        local healthy=0
        for service in webapi webapp mvc; do [ "$(health $service)" = healthy ] && healthy=$((healthy + 1)); done
        for port in "$API_PORT" "$WEBAPP_PORT" "$MVC_PORT"; do
            [ "$(code "http://127.0.0.1:$port/healthz" 2)" = 200 ] && healthy=$((healthy + 1))
        done
        [ "$healthy" = 6 ] && return 0
        sleep 1
    done
    fail "the services did not all become healthy"
}
wait_healthy
for service in webapi webapp mvc; do
    user=$(docker inspect --format '{{.Config.User}}' "$($compose ps -q $service)")
    say "$service: $(health $service), running as user '$user'"
    [ "$user" = app ] || fail "$service does not run as the non-root user"
done
for published in "webapi 7734 $API_PORT" "webapp 7735 $WEBAPP_PORT" "mvc 7736 $MVC_PORT"; do
    set -- $published
    [ "$($compose port "$1" "$2")" = "127.0.0.1:$3" ] || fail "$1 is published on $($compose port "$1" "$2"), not 127.0.0.1:$3"
done
say "ports published on 127.0.0.1 only"

expect() { # url allowed-codes...
    local url=$1; shift
    local got; got=$(code "$url")
    for ok in "$@"; do [ "$got" = "$ok" ] && return 0; done
    fail "$url answered $got, expected $*"
}
webapp="http://127.0.0.1:$WEBAPP_PORT"
mvc="http://127.0.0.1:$MVC_PORT"
api="http://127.0.0.1:$API_PORT"
check_everything() {
    for path in api/products api/widgets api/gizmos api/gizmos/1 healthz metrics; do expect "$api/$path" 200; done
    for page in "" Default.aspx About.aspx Products.aspx ProductsAsync.aspx Widgets.aspx WidgetsAsync.aspx \
        Gizmos.aspx GizmosAsync.aspx PWG.aspx PWGasync.aspx GizmosCancelBtnAsync.aspx UrlStatus.aspx \
        TimeoutErrorPage.aspx site.css metrics; do
        expect "$webapp/$page" 200
    done
    expect "$webapp/GizmosCancelAsync.aspx" 200 504   # 1 s AsyncTimeout against 0.5-1.5 s delays
    for action in "" Home Home/Products Home/ProductsAsync Home/Widgets Home/WidgetsAsync Home/Gizmos \
        Home/GizmosAsync Home/PWG Home/PWGasync metrics; do
        expect "$mvc/$action" 200
    done
    expect "$mvc/Home/GizmosCancelAsync" 504      # 150 ms against 0.5-1.5 s: always times out
    expect "$mvc/Home/PWGtimeOut" 504             # 50 ms
    grep -q "Your request has timed out." /tmp/compose-page.html || fail "the TimeoutError view"
}
say "checking every page from the host"
check_everything

say "stopping the API container: the apps must answer their error page, not hang"
started=$(date +%s%N)
$compose stop webapi >/dev/null 2>&1
exit_code=$(docker inspect --format '{{.State.ExitCode}}' "$($compose ps -aq webapi)")
say "  webapi stopped in $(( ($(date +%s%N) - started) / 1000000 )) ms, exit code $exit_code"
[ "$exit_code" = 0 ] || fail "webapi did not stop gracefully on SIGTERM (exit code $exit_code)"
for url in "$webapp/Products.aspx" "$webapp/PWGasync.aspx" "$mvc/Home/Products" "$mvc/Home/GizmosAsync"; do
    started=$(date +%s%N)
    expect "$url" 502
    grep -q "Sorry, an error occurred while processing your request." /tmp/compose-page.html || fail "$url: no error page"
    say "  $url: 502 error page in $(( ($(date +%s%N) - started) / 1000000 )) ms"
done

say "starting the API again: the apps must recover"
$compose start webapi >/dev/null 2>&1
wait_healthy
check_everything

$compose down --remove-orphans >/dev/null 2>&1 || fail "down"
say "all checks passed under $($compose version --short), in $(( $(date +%s) - begun )) s"

# The second pass: Debian's Compose 1.29 on the same image, without building.
if command -v docker-compose >/dev/null; then
    compose=docker-compose
    second=$(date +%s)
    say "second pass: $($compose version --short) (up on the image built above, every page, down)"
    $compose up -d --no-build >/dev/null 2>&1 || fail "up"
    wait_healthy
    check_everything
    $compose down --remove-orphans >/dev/null 2>&1 || fail "down"
    say "all checks passed under Compose $($compose version --short), in $(( $(date +%s) - second )) s"
fi
