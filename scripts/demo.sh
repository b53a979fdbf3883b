#!/usr/bin/env bash
# Command 1: set up and run the demo on the embedded default (the bundled sample world).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/redflag demo "$@"
