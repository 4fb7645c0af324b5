// graphql-ws end to end against a running balancegraph started with a webhook secret (run.sh does):
//   node subscriptions.mjs http://localhost:8080 whsec_...
// Subscribes to balanceChanged with the graphql-ws client (graphql-transport-ws over the ws package), posts a
// Stripe event signed with Node's crypto as Stripe signs it, and waits for the balance pushed in answer. Also
// checks that a tampered delivery is refused with 400 and pushes nothing. Exits 1 on any failure.
import { createHmac } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const base = process.argv[2] ?? 'http://localhost:8080';
const secret = process.argv[3] ?? process.env.STRIPE_WEBHOOK_SECRET;
if (!secret) throw new Error('usage: node subscriptions.mjs <base url> <whsec_ secret>');
const TIMEOUT_MS = 20_000;

function fail(message) {
  console.error(`subscriptions: FAILED: ${message}`);
  process.exit(1);
}

function signed(body, at = Math.floor(Date.now() / 1000)) {
  const v1 = createHmac('sha256', secret).update(`${at}.${body}`, 'utf8').digest('hex');
  return `t=${at},v1=${v1}`;
}

async function deliver(event, { tamper = false } = {}) {
  const body = JSON.stringify(event);
  const response = await fetch(`${base}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signed(body) },
    body: tamper ? body.replace('charge.succeeded', 'charge.refunded') : body,
  });
  return { status: response.status, json: await response.json() };
}

const event = (id) => ({
  id, object: 'event', type: 'charge.succeeded', api_version: '2026-07-29.dahlia', created: Math.floor(Date.now() / 1000),
  livemode: false, data: { object: { id: 'ch_e2e', object: 'charge' } },
});

const client = createClient({
  url: `${base.replace(/^http/, 'ws')}/graphql-ws`,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: 'Bearer e2e-demo-mode-is-open' },
  retryAttempts: 0,
  lazy: false,
});

const updates = [];
let wake = () => {};
const subscribed = new Promise((resolve, reject) => {
  client.on('connected', resolve);
  client.on('closed', (e) => reject(new Error(`closed ${e?.code} ${e?.reason}`)));
});
const stop = client.subscribe(
  { query: 'subscription { balanceChanged { livemode readAt available { money { amount currencyCode } } } }' },
  {
    next: (value) => { updates.push(value); wake(); },
    error: (error) => fail(`the subscription failed: ${JSON.stringify(error)}`),
    complete: () => {},
  },
);
const timer = setTimeout(() => fail(`no balance within ${TIMEOUT_MS} ms`), TIMEOUT_MS);
await subscribed;
console.log('subscriptions: connected and subscribed to balanceChanged');

// The subscribe message is sent right after the ack; a query over the same socket comes back after it is handled.
await new Promise((resolve, reject) => client.subscribe({ query: '{ balance { livemode } }' },
  { next: () => {}, error: reject, complete: resolve }));

const tampered = await deliver(event('evt_e2eTampered'), { tamper: true });
if (tampered.status !== 400) fail(`a tampered delivery got ${tampered.status}, not 400`);
console.log(`subscriptions: tampered delivery refused: 400 ${tampered.json.errors?.[0]?.message}`);

const delivered = await deliver(event(`evt_e2e${Date.now()}`));
if (delivered.status !== 200 || delivered.json.outcome !== 'processed') fail(`a signed delivery got ${delivered.status} ${JSON.stringify(delivered.json)}`);
console.log('subscriptions: signed charge.succeeded delivered: 200 processed');

while (updates.length === 0) await new Promise((resolve) => { wake = resolve; });
clearTimeout(timer);
const update = updates[0];
if (updates.length !== 1) fail(`expected one update (the tampered delivery must push nothing), got ${updates.length}`);
if (update.errors) fail(`the update has errors: ${JSON.stringify(update.errors)}`);
const usd = update.data.balanceChanged.available.find((a) => a.money.currencyCode === 'USD');
if (!usd) fail(`no USD in ${JSON.stringify(update.data)}`);
console.log(`subscriptions: pushed balance: USD ${usd.money.amount} available, read at ${update.data.balanceChanged.readAt}`);
stop();
await client.dispose();
console.log('subscriptions: ok');
