#!/usr/bin/env bash
# Build the embedded Neo4j server (target/*.jar + target/lib/) when it is missing or older than its sources.
# Offline first (Maven's cache in ~/.m2 makes a rebuild instant); online only when the cache lacks something.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
jar=target/redflag-neo4j-server-1.0.0.jar
stale() {
  [ ! -f "$jar" ] || [ ! -d target/lib ] || [ pom.xml -nt "$jar" ] ||
    [ -n "$(find src -newer "$jar" -type f -print -quit)" ]
}
if stale; then
  command -v mvn >/dev/null || { echo "error: mvn is not installed (apt-get install maven)" >&2; exit 3; }
  exec 9>"$here/.build.lock"
  flock 9
  if stale; then
    mvn -q -B -o package -DskipTests >/dev/null 2>&1 || mvn -q -B package -DskipTests
  fi
fi
