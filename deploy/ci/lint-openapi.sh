#!/usr/bin/env bash
# Lints an OpenAPI document with Spectral (npm, pinned in deploy/ci/package.json) against spectral:oas
# and the OWASP API Security Top 10 ruleset (deploy/ci/spectral.yaml). Fails on any error; warnings are
# reported but do not fail.
# Usage: lint-openapi.sh <openapi-file>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -eq 1 ] || { echo "usage: lint-openapi.sh <openapi-file>" >&2; exit 2; }
document="$1"
[ -f "$document" ] || { echo "lint-openapi: $document not found (is quarkus.smallrye-openapi.store-schema-directory set?)" >&2; exit 1; }
command -v node >/dev/null || { echo "lint-openapi: node is required (Debian: apt-get install nodejs npm)" >&2; exit 1; }
if [ ! -x "$here/node_modules/.bin/spectral" ]; then
  (cd "$here" && SCARF_ANALYTICS=false npm ci --no-audit --no-fund --loglevel=error >&2)
fi
"$here/node_modules/.bin/spectral" lint --ruleset "$here/spectral.yaml" --fail-severity=error "$document"
echo "lint-openapi: $document has no Spectral errors"
