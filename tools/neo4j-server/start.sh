#!/usr/bin/env bash
# Run a real Neo4j Community 5.26 server (embedded, Bolt on 127.0.0.1:PORT, auth on) in the foreground.
# Usage: NEO4J_PASSWORD=... tools/neo4j-server/start.sh PORT DATA_DIR
# Builds it first when needed (build.sh). Prints "READY bolt://127.0.0.1:PORT" once it takes connections;
# database files in DATA_DIR, logs in DATA_DIR/logs; SIGTERM stops it cleanly. Heap: NEO4J_SERVER_HEAP (768m);
# page cache: NEO4J_SERVER_PAGECACHE_MB (256).
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: NEO4J_PASSWORD=... $0 PORT DATA_DIR" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
command -v java >/dev/null || { echo "error: java is not installed (apt-get install openjdk-17-jdk-headless)" >&2; exit 3; }
bash "$here/build.sh"
heap=${NEO4J_SERVER_HEAP:-768m}
exec java -Xms256m "-Xmx$heap" -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC \
  -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true -Dlog4j2.disable.jmx=true \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "$here/target/redflag-neo4j-server-1.0.0.jar:$here/target/lib/*" \
  org.redflag.neo4jserver.Neo4jServer "$1" "$2"
