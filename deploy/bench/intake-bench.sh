#!/usr/bin/env bash
# Intake throughput and latency with wrk against a running platform (./amity up).
#   deploy/bench/intake-bench.sh [seconds]
# Runs: single POSTs as fast as they go (wrk, 16 connections); single POSTs held at 500/s (hey, which
# can hold a rate; the body has no sourceReference, so each request is a new report); batches of 500 (wrk).
# Figures go to stdout; copy them with the date into docs/figures.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds="${1:-30}"
for tool in wrk hey; do
  command -v "$tool" >/dev/null || { echo "intake-bench: $tool is needed (Debian: apt-get install $tool)" >&2; exit 1; }
done
TOKEN="$(curl -s http://localhost:8180/realms/amity/protocol/openid-connect/token \
  -d grant_type=client_credentials -d client_id=west-kent-housing-api -d client_secret=west-kent-housing-api-secret \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
# tokens live 5 minutes: keep a run shorter than that
export TOKEN RUN="bench-$(date +%s)"
echo "== single reports, 16 connections, ${seconds}s"
wrk -t2 -c16 -d"${seconds}s" --latency -s "$here/intake-single.lua" http://localhost:8081
echo "== single reports held at 500/s (50 workers x 10/s), ${seconds}s"
hey -z "${seconds}s" -c 50 -q 10 -m POST -T application/json -H "Authorization: Bearer $TOKEN" \
  -D "$here/report.json" http://localhost:8081/api/v1/incidents | sed -n '1,/Status code distribution/p;/\[201\]/p;/\[[45][0-9][0-9]\]/p'
echo "== batches of ${BATCH:-500}, 2 connections, ${seconds}s"
wrk -t1 -c2 -d"${seconds}s" --latency -s "$here/intake-batch.lua" http://localhost:8081
