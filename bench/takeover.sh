#!/usr/bin/env bash
# How long a run's step waits when the worker running it dies: runs ScaleOutTest's kill scenario
# (an API and two worker JVMs with their own data folders, workspaces in PostgreSQL, GitHub and
# Vault as stand-ins; the worker holding the run's only workspace copy is killed while GitHub makes
# the run's repository) ROUNDS times and prints, for each, the time from the kill to the next
# attempt's request to GitHub, then the median. Needs PostgreSQL at 127.0.0.1:5432 (as the tests).
# Usage: bench/takeover.sh [ROUNDS] (default 5). SKIP_BUILD=1 uses the modules already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS="${1:-5}"
[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -q -o install -DskipTests -Dpaved.portal.skip >/dev/null
TEST='ScaleOutTest#killingTheWorkerThatHoldsARunsWorkspaceMidStepStillCompletesTheRun'
REPORT=api/target/surefire-reports/dev.paved.api.ScaleOutTest-output.txt

results=()
for round in $(seq 1 "$ROUNDS"); do
  mvn -B -q -o test -pl api -Dtest="$TEST" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dpaved.portal.skip >/dev/null
  ms=$(sed -n 's/^Takeover: the next attempt asked GitHub \([0-9]*\) ms.*/\1/p' "$REPORT" | tail -1)
  [ -n "$ms" ] || { echo "round $round: no takeover line in $REPORT" >&2; exit 1; }
  echo "round $round: ${ms} ms from the kill to the next attempt's request"
  results+=("$ms")
done
sorted=($(printf '%s\n' "${results[@]}" | sort -n))
echo "takeover over $ROUNDS rounds: min ${sorted[0]} ms, median ${sorted[$((ROUNDS / 2))]} ms," \
  "max ${sorted[$((ROUNDS - 1))]} ms (heartbeat timeout 6 s + first retry interval 2 s at most)"
