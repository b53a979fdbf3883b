#!/usr/bin/env bash
# Command 2: set up and run every test (unit, integration, Bolt, Cypher lint, real browser).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/ruff check .
.venv/bin/mypy
set +e
.venv/bin/pytest "$@"
code=$?
set -e
if [ "$code" = "5" ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
fi
exit "$code"
