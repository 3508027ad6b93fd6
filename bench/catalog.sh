#!/usr/bin/env bash
# The catalog at scale: generates 10,000 entities stating 50,000 relations (100 files), ingests them
# into a running Paved as `file` locations and times Backstage's API (see README.md).
# usage: bench/catalog.sh [BASE_URL] [LABEL]   (default http://localhost:8080, "H2")
# For PostgreSQL, start Paved on it first (PAVED_DB_URL pointing at the server).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
base="${1:-http://localhost:8080}"
label="${2:-H2}"
dir="$(mktemp -d /tmp/paved-catalog-bench.XXXXXX)"
python3 "$here/catalog/generate.py" "$dir" 10000
echo "| database | entities | ingest | floor: /api/v1/me p50 / p99 | by-query p50 / p99 | cursor page p50 / p99 | by-name p50 / p99 | facets p50 / p99 |"
echo "|---|---|---|---|---|---|---|---|"
python3 "$here/catalog/measure.py" "$base" "$dir" "$label"
