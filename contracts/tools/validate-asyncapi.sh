#!/usr/bin/env bash
# Validates contracts/asyncapi.yaml with the AsyncAPI parser (npm), including every JSON Schema it
# references. Installs the parser into contracts/tools/node_modules on first use (pinned in package.json).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v node >/dev/null || { echo "validate-asyncapi: node is required (Debian: apt-get install nodejs npm)" >&2; exit 1; }
if [ ! -d "$here/node_modules/@asyncapi/parser" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
node "$here/validate-asyncapi.mjs" "$here/../asyncapi.yaml"
