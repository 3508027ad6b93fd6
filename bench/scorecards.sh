#!/usr/bin/env bash
# The scorecards at scale (bench/README.md): 10,000 services with the shipped scorecard's facts,
# evaluated whole; the fleet summary and a 90-day daily trend read. In-process on the real database
# code (ScorecardBench, run only when asked), and prints its figures.
#
# usage: bench/scorecards.sh [h2|postgres]   (default h2: a file database in a fresh folder)
# PostgreSQL: the server PGHOST/PGPORT/PGUSER (default 127.0.0.1, 5432, postgres, trust), database
# BENCH_PG_DB (default paved_bench_scorecards), dropped and created afresh.
set -euo pipefail
cd "$(dirname "$0")/.."

which="${1:-h2}"
args=()
case "$which" in
  h2) ;;
  postgres)
    export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
    db="${BENCH_PG_DB:-paved_bench_scorecards}"
    psql -q -d postgres -c "drop database if exists $db" -c "create database $db" >/dev/null
    args+=("-Dpaved.bench.db=jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER")
    ;;
  *) echo "usage: $0 [h2|postgres]" >&2; exit 2;;
esac

echo "load (1 min) at start: $(cut -d' ' -f1 /proc/loadavg), cores: $(nproc), $(date -u +%FT%TZ)"
rm -f api/target/scorecards-bench.md
mvn -q -B -o -pl api -am test -Dtest=ScorecardBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpaved.portal.skip -Dpaved.bench=true "${args[@]}" >/dev/null
cat api/target/scorecards-bench.md
echo "load (1 min) at end: $(cut -d' ' -f1 /proc/loadavg)"
