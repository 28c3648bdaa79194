#!/usr/bin/env bash
# What the thread model costs: load-lab scenario 7 (1,000 users on PWGasync,
# API at 100 ms) run with this tree and with a base commit from before the
# model (async pages on actix's workers), built side by side, ROUNDS rounds
# alternating the order. Prints each app's pages/s and CPU µs per page (the
# report's total: the base lab ran generator, app and API in one process, this
# tree's runs each as a process of its own and adds up their CPU), medians,
# and the ratios.
#
#   bench/thread-model-cost.sh                 # base 04bd534, 3 rounds
#   BASE=<commit> ROUNDS=5 bench/thread-model-cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${BASE:-04bd534}
ROUNDS=${ROUNDS:-3}
base_tree=target/thread-model-base
say() { printf 'thread-model-cost: %s\n' "$*" >&2; }

if [ ! -d "$base_tree" ]; then
    say "checking out $BASE into $base_tree"
    git worktree add --detach "$base_tree" "$BASE" >/dev/null
fi
say "building load-lab (release) for $BASE and for this tree"
(cd "$base_tree" && CARGO_TARGET_DIR="$PWD/../thread-model-base-target" cargo build --release -q -p load-lab)
# This tree's lab starts the API, the apps and the floor as processes: build them too.
cargo build --release -q -p load-lab -p webapi-pgw -p webapp-async -p mvc-async --bins
cargo build --release -q -p app-kit --examples
base_bin=target/thread-model-base-target/release/load-lab
this_bin=target/release/load-lab

# run BIN NAME ROUND -> lines "NAME app pages/s cpu-us"
run() {
    local out; out=$(mktemp -d)
    RUST_LOG=error "$1" --scenario 7 --out "$out" >/dev/null 2>&1 || { say "$2 round $3 failed"; exit 1; }
    awk -F'|' -v name="$2" '/^\| (webapp|mvc)-async \| [0-9]/ { gsub(/ /, "", $2); gsub(/ /, "", $5); gsub(/ /, "", $9); print name, $2, $5, $9 }' "$out/REPORT.md"
    rm -rf "$out"
}

results=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) -eq 1 ]; then order="base this"; else order="this base"; fi
    for which in $order; do
        bin=$base_bin; [ "$which" = this ] && bin=$this_bin
        say "round $round: $which"
        run "$bin" "$which" "$round" | tee -a "$results" >&2
    done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '\n| app | pages/s before | pages/s after | after ÷ before | CPU µs/page before | after |\n|---|---|---|---|---|---|\n'
for app in webapp-async mvc-async; do
    b=$(awk -v a="$app" '$1 == "base" && $2 == a { print $3 }' "$results" | median)
    t=$(awk -v a="$app" '$1 == "this" && $2 == a { print $3 }' "$results" | median)
    bc=$(awk -v a="$app" '$1 == "base" && $2 == a { print $4 }' "$results" | median)
    tc=$(awk -v a="$app" '$1 == "this" && $2 == a { print $4 }' "$results" | median)
    printf '| %s | %s | %s | %s | %s | %s |\n' "$app" "$b" "$t" "$(awk -v b="$b" -v t="$t" 'BEGIN { printf "%.3f", t / b }')" "$bc" "$tc"
done
rm -f "$results"
