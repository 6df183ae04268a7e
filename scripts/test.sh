#!/usr/bin/env bash
# Every test tier, then one closing line "N passed, N failed" built from the runners' JSON reports.
set -u
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/vitest.json reports/e2e.json

(npm run --silent build && npm run --silent build:fixtures) >/dev/null || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/e2e.json npx playwright test --reporter=list,json

node scripts/summarize.mjs reports/vitest.json reports/e2e.json
