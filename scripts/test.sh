#!/usr/bin/env bash
# Runs every test: data build and checks, type check, the identification eval (npm run eval), unit tests (Vitest, Node),
# then end-to-end tests in real Chromium and Firefox ESR with the built extension.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
rm -rf test-results && mkdir -p test-results

status=0
step() { echo; echo "== $*"; "$@" || status=1; }

step npm run --silent data
step npx tsc --noEmit
step npm run --silent eval
step npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
step npx wxt build
step npx wxt build -b firefox
step npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=test-results/e2e.json

node scripts/test-summary.mjs test-results/unit.json test-results/e2e.json || status=1
exit $status
