#!/usr/bin/env bash
# webapi-pgw against nginx + echo_sleep, side by side, at a fixed delay.
#
# Four servers answer GET /api/products after exactly DELAY_MS, one after the
# other on this machine: nginx with echo_sleep, webapi-pgw, a bare actix-web
# handler (webapi-pgw/examples/bare_actix.rs), the floor of what actix-web costs,
# and a bare actix-http service (examples/bare_actix_http.rs), the floor below
# actix-web's own layers, under the same wrk load (CONNECTIONS keep-alive
# connections for DURATION).
# It does that ROUNDS times, turning the order each round (a run meets the
# previous runs' TIME_WAIT sockets and conntrack entries, so no server should
# always have the same place), and prints a Markdown table of medians (req/s, p50, p99, server
# CPU; the highest peak RSS; socket errors), then webapi-pgw against nginx on
# every axis (req/s, server CPU seconds, peak RSS, p99) with its goal beside
# each: at least nginx's req/s, at most nginx's CPU, RSS and p99. Each goal
# missed says MISSED, and the script exits 1 if any was.
#
# Installs what it needs from Debian (wrk, nginx, its echo module) when missing;
# needs root and apt-get for that, and root for raising net.core.somaxconn (best
# effort). When it cannot have wrk, nginx, the module or cargo it says why and
# exits 3, having measured nothing (the load lab reports scenario 8 skipped).
# Traffic stays on loopback. Usage:
#   bench/webapi-vs-nginx.sh                       # the issue's 10,000 connections for 10 s
#   CONNECTIONS=1000 DURATION=5s ROUNDS=1 bench/webapi-vs-nginx.sh   # a quick look
set -euo pipefail

CONNECTIONS=${CONNECTIONS:-10000}
DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
DELAY_MS=${DELAY_MS:-500}
ROUNDS=${ROUNDS:-3}
NGINX_PORT=${NGINX_PORT:-18081}
API_PORT=${API_PORT:-18082}
BARE_PORT=${BARE_PORT:-18083}
BARE_HTTP_PORT=${BARE_HTTP_PORT:-18084}

cd "$(dirname "$0")/.."
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

say() { printf '%s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------
echo_module=/usr/lib/nginx/modules/ngx_http_echo_module.so
packages="wrk nginx-light libnginx-mod-http-echo"
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null || [ ! -f "$echo_module" ]; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        say "cannot install wrk, nginx and its echo module: that needs apt-get and root; install $packages (Debian's names) and run again"
        exit 3
    fi
    say "installing wrk, nginx and its echo module from Debian"
    # shellcheck disable=SC2086 # the package names are words
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null; }; then
        say "cannot install $packages with apt-get (see its messages above)"
        exit 3
    fi
fi
if ! command -v cargo >/dev/null; then
    say "cannot build webapi-pgw: cargo is not on PATH"
    exit 3
fi

# --- limits: each connection is a file descriptor on both sides ---------------
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -lt $((CONNECTIONS + 1000)) ]; then
    say "warning: only $(ulimit -n) file descriptors for $CONNECTIONS connections"
fi
sysctl -qw net.core.somaxconn=65535 2>/dev/null || say "note: could not raise net.core.somaxconn"
sysctl -qw net.ipv4.tcp_max_syn_backlog=65535 2>/dev/null || true

say "building webapi-pgw (release)"
cargo build --release -q -p webapi-pgw --bins --example bare_actix --example bare_actix_http

# --- the servers -----------------------------------------------------------------
products='[{"Id":1,"Name":"Product 1","Price":1.99},{"Id":2,"Name":"Product 2","Price":2.99}]'
delay_s=$(awk "BEGIN { printf \"%.3f\", $DELAY_MS / 1000 }")
mkdir -p "$work/tmp"
cat > "$work/nginx.conf" <<CONF
load_module $echo_module;
worker_processes 2;
worker_rlimit_nofile $(ulimit -n);
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections $(( $(ulimit -n) - 100 )); multi_accept on; }
http {
    access_log off;
    keepalive_requests 1000000;
    keepalive_timeout 120s;
    client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
    uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
    server {
        listen 127.0.0.1:$NGINX_PORT backlog=65535;
        location /api/products {
            default_type "application/json; charset=utf-8";
            echo_sleep $delay_s;
            echo '$products';
        }
    }
}
CONF

wait_until_up() { # url
    for _ in $(seq 1 100); do
        curl -fsS -o /dev/null --max-time 2 "$1?delay=0" 2>/dev/null && return 0
        curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    say "server at $1 did not come up"; exit 2
}

peak_rss_mb() { # pids...: sum of peak resident sets (VmHWM), in MB
    local kb=0
    for pid in "$@"; do
        kb=$(( kb + $(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0) ))
    done
    awk "BEGIN { printf \"%.1f\", $kb / 1024 }"
}

cpu_seconds() { # pids...: user + system CPU time used so far, in seconds
    local ticks=0
    for pid in "$@"; do
        ticks=$(( ticks + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
    done
    awk "BEGIN { printf \"%.2f\", $ticks / $(getconf CLK_TCK) }"
}

run_wrk() { # name round url -> writes $work/<name>.<round>.wrk
    say "round $2: wrk -t$THREADS -c$CONNECTIONS -d$DURATION against $1"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$3" > "$work/$1.$2.wrk"
}

# wrk's numbers, normalised to milliseconds.
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 } printf "%.1f", v }'; }
field() { # file name
    case "$2" in
        rps) awk '/^Requests\/sec:/ { print $2 }' "$1" ;;
        p50) awk '$1 == "50%" { print $2 }' "$1" | to_ms ;;
        p99) awk '$1 == "99%" { print $2 }' "$1" | to_ms ;;
        errors) grep -o 'Socket errors:.*' "$1" || echo "none" ;;
        requests) awk '/requests in/ { print $1 }' "$1" ;;
    esac
}

# --- one run of each server ------------------------------------------------------
# Each writes $work/<name>.<round>.{wrk,rss,cpu}.
run_nginx() { # round
    nginx -c "$work/nginx.conf" -p "$work" -g 'daemon off;' &
    local pid=$!
    wait_until_up "http://127.0.0.1:$NGINX_PORT/api/products"
    run_wrk nginx "$1" "http://127.0.0.1:$NGINX_PORT/api/products"
    local all="$(pgrep -f "nginx: worker process" | tr '\n' ' ') $(cat "$work/nginx.pid")"
    peak_rss_mb $all > "$work/nginx.$1.rss"
    cpu_seconds $all > "$work/nginx.$1.cpu"
    kill "$pid"; wait "$pid" 2>/dev/null || true
}

# measure NAME ROUND PORT PID: waits for the server on PORT, loads it, and
# records its peak RSS and CPU time.
measure() {
    wait_until_up "http://127.0.0.1:$3/api/products"
    run_wrk "$1" "$2" "http://127.0.0.1:$3/api/products"
    peak_rss_mb "$4" > "$work/$1.$2.rss"
    cpu_seconds "$4" > "$work/$1.$2.cpu"
}

run_api() { # round
    RUST_LOG=warn target/release/webapi-pgw --port "$API_PORT" --delay-min "$DELAY_MS" --delay-max "$DELAY_MS" --workers 2 &
    local pid=$!
    measure webapi-pgw "$1" "$API_PORT" "$pid"
    curl -fsS "http://127.0.0.1:$API_PORT/metrics" |
        awk -F' ' '/outcome="cancelled"/ { s += $2 } END { print s + 0 }' > "$work/cancelled.$1"
    kill "$pid"; wait "$pid" 2>/dev/null || true
}

run_floor() { # name round port example: one of the bare examples, `<example> <port> <delay-ms>`
    "target/release/examples/$4" "$3" "$DELAY_MS" &
    local pid=$!
    measure "$1" "$2" "$3" "$pid"
    kill "$pid"; wait "$pid" 2>/dev/null || true
}
run_bare() { run_floor bare-actix-web "$1" "$BARE_PORT" bare_actix; }
run_http() { run_floor bare-actix-http "$1" "$BARE_HTTP_PORT" bare_actix_http; }

# Later runs meet the earlier runs' TIME_WAIT sockets and conntrack entries, so
# the order turns each round: no server always goes first.
order=(nginx api bare http)
for round in $(seq 1 "$ROUNDS"); do
    for i in 0 1 2 3; do
        "run_${order[$(( (i + round - 1) % 4 ))]}" "$round"
    done
done

# --- report --------------------------------------------------------------------
# The median of the rounds for req/s, p50, p99 and CPU; the highest peak RSS.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
across() { # name what
    for round in $(seq 1 "$ROUNDS"); do
        case "$2" in
            rss|cpu) cat "$work/$1.$round.$2" ;;
            *) field "$work/$1.$round.wrk" "$2" ;;
        esac
        echo
    done | grep -v '^$'
}
stat() { # name what
    case "$2" in
        rss) across "$1" rss | sort -g | tail -1 ;;
        *) across "$1" "$2" | median ;;
    esac
}
errors() { # name: the socket errors of every round, or "none"
    local all
    all=$(for round in $(seq 1 "$ROUNDS"); do field "$work/$1.$round.wrk" errors; done | grep -v '^none$' | sed 's/Socket errors: //' | paste -sd ';' -)
    echo "${all:-none}"
}

n_rps=$(stat nginx rps); a_rps=$(stat webapi-pgw rps)
little=$(awk "BEGIN { printf \"%.0f\", $CONNECTIONS / ($DELAY_MS / 1000) }")
ratios=$(for round in $(seq 1 "$ROUNDS"); do
    awk "BEGIN { printf \"%.3f\", $(field "$work/webapi-pgw.$round.wrk" rps) / $(field "$work/nginx.$round.wrk" rps) }"
    echo
done | paste -sd ' ' -)
cancelled=$(cat "$work"/cancelled.* | awk '{ s += $1 } END { print s + 0 }')

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2/1048576 }' /proc/meminfo), $(uname -sr); $(date -u +%Y-%m-%d)"
echo "Load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, fixed delay $DELAY_MS ms (Little's law allows $little req/s); $ROUNDS rounds, order turned each round"
echo
echo "| server | req/s | % of Little's law | p50 ms | p99 ms | peak RSS MB | server CPU s | socket errors |"
echo "|---|---|---|---|---|---|---|---|"
for name in nginx webapi-pgw bare-actix-web bare-actix-http; do
    rps=$(stat "$name" rps)
    pct=$(awk "BEGIN { printf \"%.1f\", 100 * $rps / $little }")
    echo "| $name | $rps | $pct | $(stat "$name" p50) | $(stat "$name" p99) | $(stat "$name" rss) | $(stat "$name" cpu) | $(errors "$name") |"
done
echo
echo "Medians of $ROUNDS rounds (RSS: the highest). webapi-pgw's req/s ÷ nginx's, round by round: $ratios"
echo "(webapi-pgw counted $cancelled cancelled calls: wrk's connections closing at the end of each run)"
echo
echo "| webapi-pgw ÷ nginx | webapi-pgw | nginx | ratio | goal | |"
echo "|---|---|---|---|---|---|"
verdict=0
compare() { # axis what better(higher|lower)
    local a n ratio ok goal
    a=$(stat webapi-pgw "$2"); n=$(stat nginx "$2")
    ratio=$(awk "BEGIN { if ($n > 0) printf \"%.3f\", $a / $n; else print \"n/a\" }")
    if [ "$3" = higher ]; then
        goal="≥ 1.00"; ok=$(awk "BEGIN { print ($a >= $n) }")
    else
        goal="≤ 1.00"; ok=$(awk "BEGIN { print ($a <= $n) }")
    fi
    if [ "$ok" = 1 ]; then ok=met; else ok=MISSED; verdict=1; fi
    echo "| $1 | $a | $n | $ratio | $goal | $ok |"
}
compare "req/s" rps higher
compare "server CPU s" cpu lower
compare "peak RSS MB" rss lower
compare "p99 ms" p99 lower
exit $verdict
