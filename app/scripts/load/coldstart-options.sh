#!/usr/bin/env bash
# Cold start of the fat jar under several JVM option sets: runs app/scripts/measure-startup.sh for each (demo
# ledger, time to the first GraphQL answer, CPU by then, idle RSS 5 s later). From the repository root, after
# ./mvnw -B -DskipTests package:
#
#   app/scripts/load/coldstart-options.sh [runs=3] [port=18180]
#
# Makes an AppCDS archive first (app/target/balancegraph.jsa: one start with -XX:ArchiveClassesAtExit, one query,
# then SIGTERM so the JVM exits normally and writes it). Prints the load average before every option set: the
# machine may be shared, so read wall times together with the CPU column.
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-3}
port=${2:-18180}
jar=${BALANCEGRAPH_JAR:-app/target/balancegraph.jar}
jsa=app/target/balancegraph.jsa
query='{"query":"{ balance { available { money { amount currencyCode } } } }"}'

if [ ! -f "$jsa" ] || [ "$jsa" -ot "$jar" ]; then
  rm -f "$jsa"
  echo "making $jsa"
  java -XX:ArchiveClassesAtExit="$jsa" -jar "$jar" -micronaut.server.port="$port" >app/target/balancegraph-jsa.log 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do
    curl -sf -m 10 -o /dev/null "http://localhost:$port/graphql" -H 'Content-Type: application/json' -d "$query" && break
    kill -0 $pid 2>/dev/null || { echo "the app exited: see app/target/balancegraph-jsa.log" >&2; exit 1; }
    sleep 0.1
  done
  # A few more requests of the kinds a client sends, so their classes are in the archive too.
  for _ in 1 2 3; do
    curl -sf -m 10 -o /dev/null "http://localhost:$port/graphql" -H 'Content-Type: application/json' \
      -d '{"query":"{ balance { available { money { amount currencyCode } } } currencies { code } balanceTransactions(first: 10) { nodes { id amount { amount } } } }"}' || true
  done
  curl -sf -m 10 -o /dev/null "http://localhost:$port/health" || true
  kill -TERM $pid
  for _ in $(seq 1 300); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
  kill -0 $pid 2>/dev/null && { kill -KILL $pid; echo "the app did not stop in 30 s" >&2; exit 1; }
  trap - EXIT
  [ -f "$jsa" ] || { echo "no archive written: see app/target/balancegraph-jsa.log" >&2; exit 1; }
  echo "archive: $(( $(stat -c %s "$jsa") / 1024 / 1024 )) MB"
fi

options=(
  ""
  "-XX:TieredStopAtLevel=1"
  "-XX:+UseSerialGC -Xmx64m -Xss512k -XX:ReservedCodeCacheSize=32m"
  "-XX:SharedArchiveFile=$jsa"
  "-XX:SharedArchiveFile=$jsa -XX:+UseSerialGC -Xmx64m -Xss512k -XX:ReservedCodeCacheSize=32m"
  "-XX:SharedArchiveFile=$jsa -XX:+UseSerialGC -Xmx64m -Xss512k -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1"
)
for opts in "${options[@]}"; do
  echo "== options: ${opts:-(none)}; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  app/scripts/measure-startup.sh "$runs" "$port" $opts
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
