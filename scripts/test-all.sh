#!/usr/bin/env bash
# `npm test`: every stage in order, stopping at the first that fails, then how long each took (so a
# slow stage shows in CI's log without a profiler).
set -uo pipefail
cd "$(dirname "$0")/.."

STAGES=(lint lint:deps build typecheck size questions:check test:unit test:integration test:integration:pg test:e2e test:e2e:call)
declare -a TIMES=()
status=0
for stage in "${STAGES[@]}"; do
  started=$SECONDS
  echo "== $stage"; npm run "$stage"
  status=$?
  TIMES+=("$(printf '%-20s %4d s' "$stage" $((SECONDS - started)))")
  [ "$status" -eq 0 ] || { TIMES[-1]+="  (failed, exit $status)"; break; }
done
echo "== npm test stages"
printf '  %s\n' "${TIMES[@]}"
echo "  total                $SECONDS s"
exit "$status"
