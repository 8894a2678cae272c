#!/usr/bin/env bash
# Analytics at national scale (issue 6): ingest rate of the statistics consumer and the latency of every table over
# ten years of national volume (1.5 million incidents, ~300 districts), generated and reproducible.
#   deploy/bench/analytics-bench.sh [runs] [incidents]
# Each run is its own JVM with its own PostgreSQL, Kafka and Keycloak on free ports (the module's test
# infrastructure; nothing touches ./amity up's ports): generate, fill the topic in rounds with the consumer paused,
# measure the consumer alone, then query every table through HTTP. Figures per run go to stdout and to
# services/analytics/target/bench/analytics-scale.tsv; the medians over the runs are printed at the end.
# PostgreSQL runs as a production server would, not as the tests' throwaway one: durable (fsync, synchronous commit,
# full-page writes), 1 GB of shared buffers, and pg_stat_statements loaded so that each round says where its time
# went. BENCH_PG_SETTINGS overrides them (comma-separated name=value). BENCH_CATCH_UP_EVERY=off measures the consumer
# alone, then the counts' catch-up alone after each round (default 1s: both at once, as in production).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"
incidents="${2:-1500000}"
pg_settings="${BENCH_PG_SETTINGS:-shared_buffers=1GB,fsync=on,synchronous_commit=on,full_page_writes=on,shared_preload_libraries=pg_stat_statements}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$root/services/analytics/target/bench/analytics-scale-$(date +%Y%m%d-%H%M%S).tsv"
cd "$root"
./mvnw -B -q install -DskipTests -pl contracts,services/common,deploy/local-platform -am
for run in $(seq 1 "$runs"); do
  echo "== run $run of $runs: $incidents incidents (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  ./mvnw -B -q test -pl services/analytics -Dtest=AnalyticsScaleBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Damity.bench.incidents="$incidents" -Damity.bench.out="$out" -DargLine="-Xmx3g -Damity.postgres.settings=$pg_settings -Damity.bench.catch-up-every=${BENCH_CATCH_UP_EVERY:-1s}" \
    | grep --line-buffered '^\[analytics-bench\]' || { echo "run $run failed; see services/analytics/target/surefire-reports" >&2; exit 1; }
done
echo "== medians over $runs runs ($out)"
python3 - "$out" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    _, what, value = line.rstrip('\n').split('\t', 2)
    rows.setdefault(what, []).append(value)
def numbers(v):
    return [float(x) for x in re.findall(r'(?<![\w-])(\d+(?:\.\d+)?)', v)]
for what, values in rows.items():
    if what.startswith('query') or what.startswith('round') and what.endswith('ingest'):
        parts = [numbers(v) for v in values]
        if all(len(p) == len(parts[0]) for p in parts):
            med = [statistics.median(col) for col in zip(*parts)]
            template = re.sub(r'(?<![\w-])\d+(?:\.\d+)?', '{}', values[0])
            try:
                print(f"{what:50s} {template.format(*[('%.1f' % m).rstrip('0').rstrip('.') for m in med])}  (median)")
                continue
            except (IndexError, KeyError):
                pass
    print(f"{what:50s} {' | '.join(values)}")
PY
