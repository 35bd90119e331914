#!/usr/bin/env bash
# Runs every test: data build and checks, type check, lint + format + unused-code check (npm run check), the identification eval (npm run eval), unit tests (Vitest, Node),
# then end-to-end tests in real Chromium and Firefox ESR with the built extension.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
rm -rf test-results && mkdir -p test-results

status=0
step() { echo; echo "== $*"; "$@" || status=1; }

step npm run --silent data
step npm run --silent compile
step npm run --silent check
step npm run --silent eval
step npm run --silent test:unit -- --reporter=default --reporter=json --outputFile.json=test-results/unit.json
step npm run --silent build:wxt
step npm run --silent test:e2e -- --reporter=default --reporter=json --outputFile.json=test-results/e2e.json

node scripts/test-summary.mjs test-results/unit.json test-results/e2e.json || status=1
exit $status
