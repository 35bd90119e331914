#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine: npm packages and
# Debian's Chromium and Firefox ESR (no browser is ever downloaded by npm).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium ] || need_apt+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || need_apt+=(firefox-esr)
fc-list 2>/dev/null | grep -qi 'noto.*cjk' || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]} from Debian"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  # npm ci has failed here on 404s for other platforms' optional packages; fall back to install.
  # --loglevel=error: listr2, under wxt's store-publishing helper (never run by our scripts), declares Node >= 22 (an EBADENGINE warning).
  npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error
fi
