#!/usr/bin/env bash
# One command on a fresh machine: install, build, and open the extension in
# Chromium on the bundled sample pages.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run build
exec npx tsx scripts/open-samples.ts "$@"
