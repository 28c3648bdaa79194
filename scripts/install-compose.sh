#!/usr/bin/env bash
# Installs Compose v2 as a Docker CLI plugin on a Debian machine whose own suite
# has none (bookworm has only docker-compose 1.29): Debian's trixie suite ships
# docker-compose 2.26, a static binary that needs only glibc.
#
# The machine's apt sources are never changed: apt runs with a private source
# list ("deb <mirror> trixie main", the mirror being the Debian mirror the
# machine's own sources name) and private state and cache directories, fetches
# the .deb with `apt-get download`, and the plugin is copied out of it into
# /usr/local/lib/docker/cli-plugins/, where every Docker CLI looks (the static
# one in /usr/local/bin and Debian's docker.io alike).
# Idempotent: does nothing when `docker compose version` already works.
# Needs root (or sudo) to write the plugin directory.
set -euo pipefail

say() { printf 'install-compose: %s\n' "$*" >&2; }
plugins=/usr/local/lib/docker/cli-plugins
suite=trixie

if docker compose version >/dev/null 2>&1; then
    say "already there: $(docker compose version)"
    exit 0
fi
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"

# The Debian mirrors the machine's apt sources name, in order, from both the
# one-line format (sources.list, *.list) and deb822 (*.sources). Security and
# other suites with a "-" are skipped: they do not carry trixie's main.
mirrors() {
    python3 - /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources <<'PY'
import re, sys
seen = []
def add(uri, suites):
    uri = uri.rstrip("/")
    if "security" in uri or not any("-" not in s and "/" not in s for s in suites):
        return
    if uri not in seen:
        seen.append(uri)
for path in sys.argv[1:]:
    try:
        text = open(path).read()
    except OSError:
        continue
    if path.endswith(".sources"):
        for stanza in re.split(r"\n\s*\n", text):
            fields, key = {}, None
            for line in stanza.splitlines():
                if line.lstrip().startswith("#") or not line.strip():
                    continue
                if line[0] in " \t" and key:
                    fields[key] += " " + line.strip()
                elif ":" in line:
                    key, value = line.split(":", 1)
                    key = key.strip().lower()
                    fields[key] = value.strip()
            if "deb" in fields.get("types", "").split() and fields.get("enabled", "yes").lower() != "no":
                for uri in fields.get("uris", "").split():
                    add(uri, fields.get("suites", "").split())
    else:
        for line in text.splitlines():
            line = re.sub(r"\[[^]]*\]", " ", line.split("#", 1)[0]).split()
            if len(line) >= 3 and line[0] == "deb":
                add(line[1], [line[2]])
for uri in seen:
    print(uri)
PY
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/state/lists/partial" "$work/cache/archives/partial" "$work/deb"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

deb=""
for mirror in $(mirrors); do
    signed=""; [ -r "$keyring" ] && signed="[signed-by=$keyring] "
    echo "deb ${signed}$mirror $suite main" >"$work/sources.list"
    apt=(apt-get -q -o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
        -o "Dir::State=$work/state" -o "Dir::Cache=$work/cache")
    say "fetching docker-compose from $mirror $suite (private apt state, the machine's sources untouched)"
    if "${apt[@]}" update >"$work/apt.log" 2>&1 \
        && (cd "$work/deb" && "${apt[@]}" download docker-compose >>"$work/apt.log" 2>&1); then
        deb=$(ls "$work"/deb/docker-compose_*.deb)
        break
    fi
    say "no docker-compose from $mirror:"; tail -5 "$work/apt.log" >&2
done
[ -n "$deb" ] || { say "could not fetch Debian $suite's docker-compose; install Compose v2 by hand (https://docs.docker.com/compose/install/)"; exit 1; }

dpkg-deb -x "$deb" "$work/x"
binary=$(find "$work/x" -path '*/cli-plugins/docker-compose' -type f | head -1)
[ -n "$binary" ] || { say "$(basename "$deb") holds no cli-plugins/docker-compose"; exit 1; }
$sudo install -D -m 0755 "$binary" "$plugins/docker-compose"
say "installed $(basename "$deb") as $plugins/docker-compose"
if ! docker compose version >&2; then
    say "$(command -v docker) does not find the plugin in $plugins"
    exit 1
fi
