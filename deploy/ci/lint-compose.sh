#!/usr/bin/env bash
# Checks docker-compose.yml against the compose specification with dclint (npm, pinned in
# deploy/ci/package.json). No Docker engine is needed. Fails on any error.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
command -v node >/dev/null || { echo "lint-compose: node is required (Debian: apt-get install nodejs npm)" >&2; exit 1; }
if [ ! -x "$here/node_modules/.bin/dclint" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
"$here/node_modules/.bin/dclint" --max-warnings 0 "$root/docker-compose.yml"
echo "lint-compose: docker-compose.yml follows the compose specification"
