#!/usr/bin/env bash
# What `npm test` runs: system tools, lint, then every test/**/*.test.ts, with
# all TAP going through scripts/tap-summary.mjs, whose `N passed, N failed`
# line is the last thing printed. Lint counts as one test in that line.
#
# Each test file runs in its own `node --import tsx FILE` process rather than
# all in one `tape 'test/**/*.test.ts'`: tape's bin require()s .ts files, so tsx
# compiles them to CommonJS and top-level await fails; and a file that crashes
# or calls process.exit would silently take every later file with it. Here it
# shows up as that file's truncated run. Costs ~0.5 s of start-up per file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# 1. Tools the tests drive: tmux (the terminal UI), ip (network namespaces),
#    curl (the relay's HTTP API from inside a namespace).
missing=()
command -v tmux >/dev/null || missing+=(tmux)
command -v ip >/dev/null || missing+=(iproute2)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "test.sh: installing ${missing[*]}" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >&2 \
      || echo "test.sh: could not install ${missing[*]}; tests that need them will skip or fail" >&2
  else
    echo "test.sh: ${missing[*]} missing and cannot be installed here; tests that need them will skip or fail" >&2
  fi
fi

# 2. Lint, reported as one TAP test; its own output goes to stderr.
lint_tap() {
  local result
  if ! node -e 'process.exit(require("./package.json").scripts?.lint ? 0 : 1)'; then
    result='not ok 1 npm run lint: package.json has no "lint" script'
  elif npm run --silent lint >&2; then
    result='ok 1 npm run lint'
  else
    result='not ok 1 npm run lint (its output is on stderr)'
  fi
  printf '# file: lint\nTAP version 13\n%s\n\n1..1\n# tests 1\n' "$result"
  if [[ $result == ok* ]]; then printf '# pass  1\n\n# ok\n'; else printf '# pass  0\n# fail  1\n'; fi
}

# 3. Test files, framed for the summariser by `# file:` and `# exit:`.
#    `--long-only` (npm run test:faults) runs just the long fault tests (~3 min:
#    kill -9 rounds, a 30 s partition, relay kills); on CI (CI=true) they run
#    after the others.
long_only=${1:-}
run_tests() {
  local files=() f rc limit
  if [[ $long_only != --long-only ]]; then
    mapfile -t files < <(find test -name '*.test.ts' -not -path '*/node_modules/*' | sort)
  fi
  if [[ $long_only == --long-only || -n ${CI:-} || -n ${HALLWAY_LONG_TESTS:-} ]]; then
    mapfile -t -O "${#files[@]}" files < <(find test/faults/long -name '*.long.ts' | sort)
  fi
  if ((${#files[@]} == 0)); then echo 'Bail out! no test files found'; return; fi
  for f in "${files[@]}"; do
    echo "# file: $f"
    rc=0
    # The timeout is a safety net for a hung file; SIGTERM lets test/helpers
    # delete the network namespaces it made.
    limit=${HALLWAY_TEST_TIMEOUT:-$([[ $f == *.long.ts ]] && echo 600 || echo 300)}
    timeout -k 10 "$limit" node --import tsx "$f" </dev/null || rc=$?
    if ((rc == 124)); then echo "# $f timed out after $limit s"; fi
    echo "# exit: $f $rc"
  done
}

if [[ $long_only == --long-only ]]; then
  run_tests | node scripts/tap-summary.mjs
else
  { lint_tap; run_tests; } | node scripts/tap-summary.mjs
fi
