#!/usr/bin/env bash
# Measures the built jar (Linux): milliseconds from `java -jar` to the first successful GraphQL answer, the CPU
# the JVM used by then, and its resident memory (RSS) once idle after that answer. From the repository root,
# after ./mvnw -B -DskipTests package:
#
#   app/scripts/measure-startup.sh [runs=3] [port=18080] [extra java options...]
#   BALANCEGRAPH_JAR=/tmp/other.jar app/scripts/measure-startup.sh      # another build, to compare
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
port=${2:-18080}
shift $(( $# > 2 ? 2 : $# ))
jar=${BALANCEGRAPH_JAR:-app/target/balancegraph.jar}
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -B -DskipTests package first" >&2; exit 1; }
query='{"query":"{ balance { available { money { amount currencyCode } } } }"}'
# Own scratch folder: several people may run this on one machine at once (fixed /tmp names used to collide).
work=$(mktemp -d /tmp/balancegraph-startup.XXXXXX)
answer=$work/answer.json

for run in $(seq 1 "$runs"); do
  rm -f "$answer"
  start=$(date +%s%N)
  java "$@" -jar "$jar" -micronaut.server.port="$port" >"$work/startup-$run.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  # curl's -w prints how long the answer itself took: the first request's own latency once the port is open.
  until first=$(curl -sf -m 30 -o "$answer" -w '%{time_total}' "http://localhost:$port/graphql" \
          -H 'Content-Type: application/json' -d "$query") && grep -q '"currencyCode"' "$answer"; do
    kill -0 $pid 2>/dev/null || { echo "the app exited: see $work/startup-$run.log" >&2; exit 1; }
    (( $(date +%s%N) - start < 120000000000 )) || { echo "no answer within 120 s: see $work/startup-$run.log" >&2; exit 1; }
    sleep 0.05
  done
  elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
  # CPU the JVM had used by then (user + system, all threads): steadier than wall time on a busy machine.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' /proc/$pid/stat)
  sleep 5
  rss=$(ps -o rss= -p $pid)
  echo "run $run: first GraphQL answer after ${elapsed} ms (that request itself: ${first} s, CPU used: ${cpu} s), idle RSS $(( rss / 1024 )) MB"
  kill $pid
  wait $pid 2>/dev/null || true
done
