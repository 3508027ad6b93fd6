#!/usr/bin/env bash
# Issue 16's engine benchmark, in one run on one embedded Temporal server: starts Paved as
# `./paved up` does (its own ports and a temporary data folder, PAVED_JAVA_OPTS honoured), times
# start-to-healthy and samples its resident memory, then runs a bare Temporal workflow of N no-op
# activities (the floor), Paved's twenty-steps template through the API (one at a time, 10 and 100
# at once) and 100 java-service runs with local providers. Prints a table beside Backstage's
# figures and writes JSON (bench/engine/target/engine-<time>.json). Stops Paved and deletes its
# data at the end, also on failure or Ctrl-C.
#
# usage: bench/engine.sh [--quick] [flags]     (bench/engine.sh --help lists the flags)
#   Builds Paved first (./paved build) when the api jar or the bench's jar is missing or older than
#   the sources, as `./paved up` would; SKIP_BUILD=1 never builds, --build always does.
#   BENCH_JAVA_OPTS: JVM options of the bench's own JVM (the floor's worker runs there).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=api/target/paved-api.jar
BENCH_JAR=bench/engine/target/paved-bench.jar

stale() {
  [ ! -f "$JAR" ] || [ ! -f "$BENCH_JAR" ] || [ ! -f cli/target/paved-cli.jar ] && return 0
  # the launcher's own test (sources newer than the api jar), and the bench's sources
  [ -n "$(find pom.xml ./*/pom.xml ./*/src -name node_modules -prune -o -newer "$JAR" -type f -print -quit 2>/dev/null)" ] \
    || [ -n "$(find bench/engine/pom.xml bench/engine/src -newer "$BENCH_JAR" -type f -print -quit 2>/dev/null)" ]
}

args=()
build=auto
for a in "$@"; do
  case "$a" in
    --build) build=always ;;
    *) args+=("$a") ;;
  esac
done

if [ "${SKIP_BUILD:-}" = 1 ]; then
  [ -f "$JAR" ] && [ -f "$BENCH_JAR" ] || { echo "bench: SKIP_BUILD=1 but $JAR or $BENCH_JAR is missing" >&2; exit 1; }
elif [ "$build" = always ] || stale; then
  ./paved build
fi

echo "bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) ($(date -u +%FT%TZ))"
exec java ${BENCH_JAVA_OPTS:-} -jar "$BENCH_JAR" --repo "$PWD" ${args[@]+"${args[@]}"}
