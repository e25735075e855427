#!/usr/bin/env bash
# Install what the browser tests need: Debian's Chromium and Playwright's Python API.
# Playwright drives /usr/bin/chromium; it never downloads a browser of its own
# ('playwright install' does not work on these machines and is not needed).
# Idempotent: does nothing that is already done. Usage: .ci/setup-browser.sh [VENV]
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${1:-.venv}"

if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
if ! "$VENV/bin/python" -c "import playwright.sync_api" >/dev/null 2>&1; then
  "$VENV/bin/pip" install --quiet "playwright>=1.50,<2"
fi
chromium --version 2>/dev/null
"$VENV/bin/python" -c "import playwright; from importlib.metadata import version; print('playwright', version('playwright'))"
