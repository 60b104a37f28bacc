#!/usr/bin/env bash
# Runs the kiosk on the shipped sample content (or CONTENT_DIR): installs, builds, serves.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/vite ] || npm ci --no-audit --no-fund
npm run --silent build
echo
echo "Kiosk:    http://localhost:${PORT:-4173}/"
echo "Bulletin: http://localhost:${PORT:-4173}/bulletin"
exec npx tsx scripts/serve.ts --host 0.0.0.0 --port "${PORT:-4173}"
