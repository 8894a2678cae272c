#!/usr/bin/env bash
# What one report costs the whole platform: drives intake with wrk (single reports or batches) against a running
# `./amity up`, then waits until case, sharing and analytics have caught up (the machine idle again), and prints
#   - intake's throughput and latency while loaded (wrk),
#   - the end-to-end rate: reports accepted / time from the first request until the consumers were idle,
#   - CPU milliseconds per report of every process (from /proc; PostgreSQL is the sum of its processes).
#   deploy/bench/platform-cost.sh single|batch [seconds] [connections]
# Linux only (reads /proc). Needs wrk (Debian: apt-get install wrk). Figures go to docs/figures.md by hand.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$here/wrk-run.sh"
components=(intake case sharing analytics kafka keycloak)

ticks() { # CPU ticks (user+system) of a process, 0 when gone
  awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0
}
snapshot() { # one line per component: name ticks
  local c p t
  for c in "${components[@]}"; do
    p="$(cat "$root/.amity/run/$c.pid" 2>/dev/null || true)"
    echo "$c $([ -n "$p" ] && ticks "$p" || echo 0)"
  done
  t=0; for p in $(pgrep -u postgres postgres || true); do t=$((t + $(ticks "$p"))); done
  echo "postgres $t"
}
busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }

hz="$(getconf CLK_TCK)"
before="$(snapshot)"; start_ns="$(date +%s%N)"
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$script" \
  http://localhost:8081 > "/tmp/platform-cost-$$.wrk" 2>&1
loaded_ns="$(date +%s%N)"
# caught up: less than 5 % of the machine busy over two seconds, or two minutes at most
for _ in $(seq 60); do
  a="$(busy_ticks)"; sleep 2; b="$(busy_ticks)"
  [ $(( (b - a) * 100 / (2 * hz * $(nproc)) )) -lt 5 ] && break
done
idle_ns="$(date +%s%N)"
after="$(snapshot)"
requests="$(awk '/requests in/{print $1}' "/tmp/platform-cost-$$.wrk")"
errors="$(awk '/Non-2xx/{print $5}' "/tmp/platform-cost-$$.wrk")"
reports=$(( requests * per_request ))
echo "== $mode, ${seconds}s, $connections connections: $requests requests, $reports reports${errors:+, $errors non-2xx}"
grep -E 'Requests/sec|^ +50%|^ +99%' "/tmp/platform-cost-$$.wrk" | tr -s ' ' | sed 's/^ //'
awk -v r="$reports" -v l="$(( (loaded_ns - start_ns) / 1000000 ))" -v i="$(( (idle_ns - start_ns) / 1000000 ))" \
  'BEGIN { printf "intake accepted %.0f reports/s; end to end (until the consumers were idle, %.1f s): %.0f reports/s\n", r * 1000 / l, i / 1000, r * 1000 / (i - 2000) }'
join <(echo "$before") <(echo "$after") | awk -v n="$reports" -v hz="$hz" '
  { ms = ($3 - $2) * 1000 / hz / n; total += ms; printf "%s %.2f  ", $1, ms }
  END { printf "| sum %.2f ms of CPU per report\n", total }'
rm -f "/tmp/platform-cost-$$.wrk"
