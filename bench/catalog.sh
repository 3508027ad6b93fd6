#!/usr/bin/env bash
# The catalog at scale (bench/README.md): generates 10,000 entities stating 50,000 relations in 100
# files, ingests them as `file` locations and times Backstage's API as a client sees it.
#
# usage: bench/catalog.sh [h2|postgres|both]     (default both) starts Paved itself from
#          api/target/paved-api.jar (built first unless SKIP_BUILD=1; BENCH_JAR names another
#          jar), on its own ports and data folder, once per database, and stops it after its row;
#        bench/catalog.sh --url BASE_URL [LABEL]  measures a Paved already running.
# PostgreSQL: the server PGHOST/PGPORT/PGUSER (default 127.0.0.1, 5432, postgres; trust or
# PGPASSWORD), database BENCH_PG_DB (default paved_bench_catalog), dropped and created afresh.
# Loopback only; every request loop is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
PORT="${BENCH_PORT:-18480}"
TEMPORAL_PORT="${BENCH_TEMPORAL_PORT:-17480}"
PG_DB="${BENCH_PG_DB:-paved_bench_catalog}"
dir="$(mktemp -d /tmp/paved-catalog-bench.XXXXXX)"
pid=""
data=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$dir" ${data:+"$data"}
}
trap cleanup EXIT

header() {
  echo "| database | load (1 min) at start / after ingest / after reads / at end | entities | ingest | floor: /api/v1/me p50 / p99 | by-query p50 / p99 | cursor page p50 / p99 | by-name p50 / p99 | facets p50 / p99 | facets, first read after a write p50 / p99 | changed file visible after refresh p50 / p99 |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
}

# run LABEL [JDBC_URL]: Paved on H2 (no URL) or on the URL's database, measured, stopped
run() {
  local label="$1" url="${2:-}"
  data="$(mktemp -d /tmp/paved-catalog-data.XXXXXX)"
  (
    export SERVER_PORT="$PORT" PAVED_TEMPORAL_PORT="$TEMPORAL_PORT" PAVED_DATA_DIR="$data"
    if [ -n "$url" ]; then export PAVED_DB_URL="$url" PAVED_DB_USER="$PGUSER" PAVED_DB_PASSWORD="${PGPASSWORD:-}"; fi
    exec java ${BENCH_JAVA_OPTS:-} -jar "${BENCH_JAR:-api/target/paved-api.jar}" --logging.level.root=WARN \
      --logging.level.dev.paved=WARN >"$data/paved.log" 2>&1
  ) &
  pid=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || { echo "Paved did not start:" >&2; tail -30 "$data/paved.log" >&2; exit 1; }
    sleep 1
  done
  python3 bench/catalog/measure.py "http://127.0.0.1:$PORT" "$dir" "$label"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=""
  rm -rf "$data"; data=""
}

if [ "${1:-}" = "--url" ]; then
  python3 bench/catalog/generate.py "$dir" "${ENTITIES:-10000}" >&2
  header
  python3 bench/catalog/measure.py "${2:?BASE_URL}" "$dir" "${3:-H2}"
  exit 0
fi

which="${1:-both}"
case "$which" in h2|postgres|both) ;; *) echo "usage: $0 [h2|postgres|both] | --url BASE_URL [LABEL]" >&2; exit 2;; esac
[ "${SKIP_BUILD:-}" = 1 ] || ./paved build >/dev/null
python3 bench/catalog/generate.py "$dir" "${ENTITIES:-10000}" >&2
header
if [ "$which" != postgres ]; then
  run H2
  # the files were changed by the refresh measurement: the next database ingests them afresh
  rm -f "$dir"/*.yaml; python3 bench/catalog/generate.py "$dir" "${ENTITIES:-10000}" >/dev/null
fi
if [ "$which" != h2 ]; then
  psql -q -d postgres -c "drop database if exists $PG_DB" -c "create database $PG_DB" >/dev/null
  run PostgreSQL "jdbc:postgresql://$PGHOST:$PGPORT/$PG_DB"
fi
