#!/usr/bin/env bash
# The portal's budgets: bundle size (gzip) and first page usable time, against a Paved started here
# in local mode on its own ports and data folder. SKIP_BUILD=1 uses the jar already built.
# Usage: bench/portal.sh [LOADS] (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${BENCH_PORT:-18080}"
DATA="$(mktemp -d)"

[ "${SKIP_BUILD:-}" = 1 ] || ./paved build >/dev/null
SERVER_PORT="$PORT" PAVED_TEMPORAL_PORT="${BENCH_TEMPORAL_PORT:-17233}" PAVED_DATA_DIR="$DATA" \
  java -jar api/target/paved-api.jar --logging.level.root=WARN --logging.level.dev.paved=WARN \
  >"$DATA/paved.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  sleep 1
done

node --experimental-websocket bench/portal.mjs "http://127.0.0.1:$PORT" "${1:-10}"
