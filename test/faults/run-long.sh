#!/usr/bin/env bash
# `npm run test:faults`: the long fault tests (test/faults/long/*.long.ts),
# framed and summarised exactly as `npm test` does (scripts/test.sh); the
# fast fault tests (test/faults/*.test.ts) run in `npm test`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
exec bash scripts/test.sh --long-only
