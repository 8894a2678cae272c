#!/usr/bin/env bash
# CPU of intake and PostgreSQL per report while wrk drives intake (nothing else measured, no waiting for consumers):
#   deploy/bench/intake-cpu.sh single|batch [seconds] [connections]
# PORT (default 8081) and PIDFILE (default .amity/run/intake.pid) point it at another intake, so that two builds
# can run side by side on the same database and be measured alternately, back to back, under the same load.
# Prints: reports/s, latency p50/p99, intake and PostgreSQL CPU ms a report, the load average before and after.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$here/wrk-run.sh"
port="${PORT:-8081}"; pid="$(cat "${PIDFILE:-$root/.amity/run/intake.pid}")"
ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
postgres() { local t=0 p; for p in $(pgrep -u postgres postgres || true); do t=$((t + $(ticks "$p"))); done; echo "$t"; }
out="$(mktemp)"; trap 'rm -f "$out"' EXIT
i0="$(ticks "$pid")"; p0="$(postgres)"; l0="$(cut -d' ' -f1 /proc/loadavg)"
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$script" "http://localhost:$port" >"$out" 2>&1
i1="$(ticks "$pid")"; p1="$(postgres)"; l1="$(cut -d' ' -f1 /proc/loadavg)"
awk -v per="$per_request" -v di=$((i1 - i0)) -v dp=$((p1 - p0)) -v hz="$(getconf CLK_TCK)" -v l0="$l0" -v l1="$l1" -v mode="$mode" '
  /requests in/ { requests = $1 } /Requests\/sec/ { rate = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
  /Non-2xx/ { errors = $5 }
  END { r = requests * per; printf "%s reports/s=%.0f p50=%s p99=%s intake=%.3f ms/report postgres=%.3f ms/report non-2xx=%d load=%s->%s\n",
        mode, rate * per, p50, p99, di * 1000 / hz / r, dp * 1000 / hz / r, errors, l0, l1 }' "$out"
