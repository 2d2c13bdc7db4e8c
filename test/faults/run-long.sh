#!/usr/bin/env bash
# `npm run test:faults`: the long fault tests (test/faults/long/*.long.ts):
# kill -9 of a writer mid-burst, a 30 s partition, kill -9 of the relay under
# load. The fast fault tests (test/faults/*.test.ts) run in `npm test`.
# Same framing as scripts/test.sh: one process per file, a safety timeout,
# and scripts/tap-summary.mjs's closing `N passed, N failed` line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

run_tests() {
  local files f rc
  mapfile -t files < <(find test/faults/long -name '*.long.ts' | sort)
  if ((${#files[@]} == 0)); then echo 'Bail out! no test/faults/long/*.long.ts files'; return; fi
  for f in "${files[@]}"; do
    echo "# file: $f"
    rc=0
    timeout -k 10 "${HALLWAY_TEST_TIMEOUT:-600}" node --import tsx "$f" </dev/null || rc=$?
    if ((rc == 124)); then echo "# $f timed out after ${HALLWAY_TEST_TIMEOUT:-600} s"; fi
    echo "# exit: $f $rc"
  done
}

run_tests | node scripts/tap-summary.mjs
