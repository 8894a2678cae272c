# Sourced by the wrk benchmarks (platform-cost.sh, intake-cpu.sh) after `here` is set: reads the arguments
#   single|batch [seconds] [connections]
# into mode, seconds, connections (16 for single, 4 for batch unless given), script (the wrk script), per_request
# (reports a request carries) and threads (wrk threads), and exports TOKEN (a fresh west-kent-housing token: tokens
# live five minutes) and RUN (a prefix that keeps each run's source references its own).
name="$(basename "$0" .sh)"
mode="${1:-single}"; seconds="${2:-20}"; connections="${3:-}"
command -v wrk >/dev/null || { echo "$name: wrk is needed (Debian: apt-get install wrk)" >&2; exit 1; }
case "$mode" in
  single) script="$here/intake-single.lua"; per_request=1; connections="${connections:-16}"; threads=2 ;;
  batch) script="$here/intake-batch.lua"; per_request="${BATCH:-500}"; connections="${connections:-4}"; threads=1 ;;
  *) echo "$name: single or batch" >&2; exit 2 ;;
esac
TOKEN="$(curl -s http://localhost:8180/realms/amity/protocol/openid-connect/token \
  -d grant_type=client_credentials -d client_id=west-kent-housing-api -d client_secret=west-kent-housing-api-secret \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
export TOKEN RUN="$name-$(date +%s)-$RANDOM"
