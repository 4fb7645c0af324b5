#!/usr/bin/env bash
# End-to-end checks of the packaged app, run by .ci/run after `./mvnw -B verify` (or by hand after
# `./mvnw -B -DskipTests package`): starts app/target/balancegraph.jar (demo ledger) on a free port, then
#   1. audit.mjs   - the graphql-http audit of /graphql (GraphQL over HTTP spec)
#   2. browser.mjs - headless Chromium: GraphiQL's explorer and example tabs, the Dashboard query; screenshot to docs/graphiql.png;
#      then the LiveBalance tab's subscription on a second jar (below): its token errors and two pushed balances
#   3. export      - curl downloads the CSV export of the demo ledger (status, file name, header, one row per transaction)
#   4. the client guide (docs/clients.md): graphql-codegen generates types from the served schema
#      (client/codegen.ts), tsc type-checks the example client against them, and the client (client/walk.ts) pages
#      through every demo transaction with Apollo Client's relayStylePagination (client/typePolicies.ts)
#   5. subscriptions.mjs - the graphql-ws npm client subscribes to balanceChanged, a Stripe event signed with this
#      run's webhook secret is posted to /webhooks/stripe, and the pushed balance must arrive
# The second jar serves the same demo ledger ticking every second (balancegraph.demo.tick-interval) with access control
# on (two tokens made for this run), so that GraphiQL's subscription sees balances pushed; the first jar's ledger stays
# still, as the checks on its fixed demo numbers need.
# Installs Debian's chromium and chromium-driver when either is missing (needs root). Ends with "e2e: N passed, M failed".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
jar="$root/app/target/balancegraph.jar"
[[ -f "$jar" ]] || { echo "e2e: $jar is missing; run ./mvnw -B -DskipTests package first" >&2; exit 1; }

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "e2e: installing Debian's chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo "$1"
}
random_hex() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }
port="$(free_port 18080)"
live_port="$(free_port 18081)"
log="$root/app/target/e2e-app.log"
live_log="$root/app/target/e2e-live-app.log"
# A webhook secret for this run only, so that subscriptions.mjs can sign events as Stripe would.
webhook_secret="whsec_e2e$(random_hex)"
# The ticking jar's tokens, for this run only: one may read the platform, the partner's only a connected account.
export LIVE_TOKEN="e2e-live-$(random_hex)" PARTNER_TOKEN="e2e-partner-$(random_hex)"
live_settings='{"balancegraph":{"access":{"enabled":true,"tokens":[{"token":"'"$LIVE_TOKEN"'","accounts":["platform"]},{"token":"'"$PARTNER_TOKEN"'","accounts":["acct_1E2ePartner"]}]}}}'
env -u STRIPE_API_KEY -u STRIPE_BASE_URL STRIPE_WEBHOOK_SECRET="$webhook_secret" java "-Dmicronaut.server.port=$port" -jar "$jar" >"$log" 2>&1 </dev/null &
app_pid=$!
env -u STRIPE_API_KEY -u STRIPE_BASE_URL -u STRIPE_WEBHOOK_SECRET BALANCEGRAPH_DEMO_TICK_INTERVAL=1s \
  MICRONAUT_APPLICATION_JSON="$live_settings" java "-Dmicronaut.server.port=$live_port" -jar "$jar" >"$live_log" 2>&1 </dev/null &
live_pid=$!
trap 'kill "$app_pid" "$live_pid" 2>/dev/null || true; wait "$app_pid" "$live_pid" 2>/dev/null || true' EXIT

# Both jars start at once; each must answer /health within 60 s.
wait_healthy() {
  local name="$1" at="$2" pid="$3" file="$4"
  for _ in $(seq 120); do
    if curl -sf "http://localhost:$at/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "e2e: the $name exited:" >&2; cat "$file" >&2; exit 1; fi
    sleep 0.5
  done
  curl -sf "http://localhost:$at/health" >/dev/null || { echo "e2e: the $name was not healthy within 60 s:" >&2; cat "$file" >&2; exit 1; }
  echo "e2e: $name up on port $at (log: ${file#"$root/"})"
}
wait_healthy app "$port" "$app_pid" "$log"
wait_healthy "ticking app" "$live_port" "$live_pid" "$live_log"

passed=0 failed=0
run() {
  local name="$1" start=$SECONDS; shift
  echo "--- e2e: $name"
  if (cd "$here" && "$@"); then passed=$((passed + 1)); else failed=$((failed + 1)); echo "e2e: $name FAILED"; fi
  echo "--- e2e: $name took $((SECONDS - start)) s"
}
run audit node audit.mjs "http://localhost:$port/graphql"
run browser node browser.mjs "http://localhost:$port" "$root/docs/graphiql.png" "http://localhost:$live_port"
rm -rf "$here/client/generated" "$here/client/dist"
run "client codegen" env BALANCEGRAPH_SCHEMA="http://localhost:$port/graphql/schema.graphqls" \
  npx --no-install graphql-codegen --config client/codegen.ts
run "client tsc" npx --no-install tsc -p client
run "client walk" node client/dist/walk.js "http://localhost:$port/graphql"

# The demo platform account holds 300 transactions: the file is the header and 300 rows, CRLF, whole.
export_check() {
  local dir; dir="$(mktemp -d)"
  (cd "$dir" && curl -gsSfOJ "http://localhost:$port/export/balance-transactions.csv?created[gte]=0&created[lt]=2030-01-01T00:00:00Z") || return 1
  local file="$dir/balance-transactions-platform-19700101T000000Z-20300101T000000Z.csv"
  [[ -f "$file" ]] || { echo "export: the file is not named as expected: $(ls "$dir")"; return 1; }
  head -c 3 "$file" | grep -q '^id,' || { echo "export: no header row"; return 1; }
  local rows; rows="$(grep -c $'\r$' "$file")"
  [[ "$rows" -eq 301 ]] || { echo "export: $rows CRLF lines, not 301"; return 1; }
  echo "export: $(basename "$file"), $rows lines (header + 300 rows), $(wc -c <"$file") bytes"
  rm -rf "$dir"
}
run export export_check
run subscriptions node subscriptions.mjs "http://localhost:$port" "$webhook_secret"

echo "e2e: $passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
