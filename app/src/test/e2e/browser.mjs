// A real browser on GraphiQL: Debian's headless Chromium, driven by playwright-core, opens /graphiql on a
// running balancegraph, checks that the explorer plugin is shown and the example tabs are open, runs the Dashboard
// tab's query and checks that the balance, the currencies and the transactions appear in the result, then runs the
// LastMonthActivity tab and checks its answer has no errors. Every request that is not to localhost/127.0.0.1 is blocked
// and counted: the page must not try any. Saves the screenshot to docs/graphiql.png.
// Given a second app, one whose demo ledger ticks (balancegraph.demo.tick-interval) with access control on, and its
// tokens in LIVE_TOKEN (may read the platform) and PARTNER_TOKEN (may not), it then runs the LiveBalance tab's
// subscription there over /graphql-ws: with no token (4401), a wrong token (4403) and the partner's (FORBIDDEN) the
// result pane must show the error, and with LIVE_TOKEN two pushed balances in a row.
//   node browser.mjs http://localhost:8080 [screenshot.png [http://localhost:8081]]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = (process.argv[2] ?? process.env.APP_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const screenshot = process.argv[3] ?? fileURLToPath(new URL('../../../../docs/graphiql.png', import.meta.url));
const live = process.argv[4]?.replace(/\/$/, '');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const profile = mkdtempSync(join(tmpdir(), 'balancegraph-chromium-'));

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}`);
  if (!ok) failures.push(what);
};

const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const blocked = [];
  await context.route('**/*', (route) => {
    const { protocol, hostname } = new URL(route.request().url());
    const loopback = hostname === 'localhost' || hostname === '127.0.0.1';
    if (loopback || protocol === 'data:' || protocol === 'blob:') return route.continue();
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));

  const response = await page.goto(`${base}/graphiql`, { waitUntil: 'load' });
  check(response.status() === 200, `GET /graphiql answers 200 (got ${response.status()})`);
  const execute = page.locator('button.graphiql-execute-button');
  await execute.waitFor({ state: 'visible', timeout: 30_000 });
  const editorText = await page.locator('.graphiql-query-editor').innerText();
  check(editorText.includes('query Dashboard'), 'GraphiQL rendered with the Dashboard query in the editor');
  const explorer = page.locator('.graphiql-explorer-root');
  await explorer.first().waitFor({ state: 'visible', timeout: 30_000 }).catch(() => {});
  check(await explorer.first().isVisible() && (await explorer.first().innerText()).includes('balanceTransactions'),
    'the explorer plugin is shown, listing the schema\'s fields');
  const tabs = await page.locator('.graphiql-tab').allInnerTexts();
  check(['Dashboard', 'LastMonthActivity', 'PayoutReconciliation', 'LiveBalance'].every((name) => tabs.some((tab) => tab.includes(name))),
    `the example tabs are open (${tabs.map((tab) => tab.trim()).join(', ')})`);

  await execute.click();
  const result = page.locator('.graphiql-response .CodeMirror');
  // CodeMirror renders only the lines in view; read the whole result from its editor instead.
  await page.waitForFunction(() => {
    const cm = document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror;
    return cm && cm.getValue().includes('"balanceTransactions"');
  }, null, { timeout: 30_000 });
  const text = await result.evaluate((el) => el.CodeMirror.getValue());
  const json = JSON.parse(text);
  check(!json.errors, `the result has no errors${json.errors ? ': ' + JSON.stringify(json.errors) : ''}`);
  check(text.includes('"balance"') && text.includes('"30002075.03"') && text.includes('"USD"'),
    'balance: "balance" with USD 30002075.03 available');
  check(text.includes('"currencies"') && text.includes('"JPY"') && text.includes('"KWD"'),
    'currencies: "currencies" with JPY and KWD');
  check(text.includes('"balanceTransactions"') && text.includes('"txn_')
      && json.data?.balanceTransactions?.edges?.length === 5,
    'transactions: "balanceTransactions" with 5 edges of txn_ ids');
  check(blocked.length === 0, `no request beyond loopback (${blocked.length} blocked${blocked.length ? ': ' + blocked.join(', ') : ''})`);
  check(pageErrors.length === 0, `no JavaScript errors on the page${pageErrors.length ? ': ' + pageErrors.join('; ') : ''}`);

  // The whole result in one picture: grow the window to the result's height (the page itself never scrolls).
  const box = await result.boundingBox();
  const contentHeight = await result.evaluate((el) => el.CodeMirror.getScrollInfo().height);
  await page.setViewportSize({ width: 1400, height: Math.min(6000, Math.max(900, Math.ceil(box.y + contentHeight + 40))) });
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshot });
  console.log(`screenshot: ${screenshot}`);

  // The finance example: last month's activity, from its tab, through the explorer-equipped page.
  await page.locator('.graphiql-tab', { hasText: 'LastMonthActivity' }).first().click();
  await page.waitForFunction(() => document.querySelector('.graphiql-query-editor .CodeMirror')?.CodeMirror
    ?.getValue().includes('query LastMonthActivity'), null, { timeout: 30_000 });
  await execute.click();
  await page.waitForFunction(() => {
    const cm = document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror;
    return cm && cm.getValue().includes('"activity"');
  }, null, { timeout: 60_000 });
  const activity = JSON.parse(await page.locator('.graphiql-response .CodeMirror').evaluate((el) => el.CodeMirror.getValue()));
  check(!activity.errors && Number.isInteger(activity.data?.activity?.transactionCount)
      && Array.isArray(activity.data?.activity?.currencies),
    `the LastMonthActivity tab runs: ${activity.errors ? JSON.stringify(activity.errors)
      : `${activity.data?.activity?.transactionCount} transactions in ${activity.data?.activity?.currencies?.length} currencies`}`);
  check(blocked.length === 0 && pageErrors.length === 0, 'still no request beyond loopback and no JavaScript error');

  if (live) {
    await liveBalance(page, execute);
    check(blocked.length === 0 && pageErrors.length === 0,
      `after the subscriptions, still no request beyond loopback and no JavaScript error${pageErrors.length ? ': ' + pageErrors.join('; ') : ''}`);
  } else {
    console.log('LiveBalance: not run (no ticking app URL given as the third argument)');
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
/** The LiveBalance tab on the ticking app: the token rules of /graphql-ws as the result pane shows them, then live pushes. */
async function liveBalance(page, execute) {
  const response = await page.goto(`${live}/graphiql`, { waitUntil: 'load' });
  check(response.status() === 200, `GET ${live}/graphiql answers 200 (got ${response.status()})`);
  await execute.waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('.graphiql-tab', { hasText: 'LiveBalance' }).first().click();
  await page.waitForFunction(() => document.querySelector('.graphiql-query-editor .CodeMirror')?.CodeMirror
    ?.getValue().includes('subscription LiveBalance'), null, { timeout: 30_000 });
  const resultText = () => page.locator('.graphiql-response .CodeMirror').evaluate((el) => el.CodeMirror.getValue());
  const stopping = async () => (await execute.getAttribute('aria-label')).startsWith('Stop');
  // Runs the tab with these headers in the Headers editor; resolves with the result once it includes `needle`.
  const run = async (headers, needle) => {
    await page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror')
      .evaluate((el, value) => el.CodeMirror.setValue(value), headers);
    await execute.click();
    await page.waitForFunction((text) => document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror
      ?.getValue().includes(text), needle, { timeout: 15_000 }).catch(() => {});
    return resultText();
  };
  const bearer = (token) => JSON.stringify({ Authorization: `Bearer ${token}` });

  const started = Date.now();
  const noToken = await run('', '4401');
  check(noToken.includes('closed: 4401 Unauthorized') && !(await stopping()),
    `no token: the result pane shows the 4401 close and the run has ended (${firstMessage(noToken)})`);
  const wrongToken = await run(bearer('not-a-token-of-this-app-0123456789'), '4403');
  check(wrongToken.includes('closed: 4403 Forbidden') && !(await stopping()),
    `a wrong token: the result pane shows the 4403 close and the run has ended (${firstMessage(wrongToken)})`);
  const partner = await run(bearer(process.env.PARTNER_TOKEN), '"FORBIDDEN"');
  check(partner.includes('"FORBIDDEN"') && !(await stopping()),
    `a token that may not read the platform: the result pane shows FORBIDDEN and the run has ended (${firstMessage(partner)})`);

  const first = usdAvailable(await run(bearer(process.env.LIVE_TOKEN), '"balanceChanged"'));
  await page.waitForFunction((before) => {
    const text = document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror?.getValue() ?? '';
    return text.includes('"balanceChanged"') && !text.includes(`"${before}"`);
  }, first, { timeout: 15_000 }).catch(() => {});
  const second = usdAvailable(await resultText());
  check(first !== null && second !== null && cents(second) > cents(first) && await stopping(),
    `LIVE_TOKEN: the pushed balance appears and moves on with the next tick, the subscription still running (USD ${first}, then ${second})`);
  await execute.click();
  await page.waitForFunction(() => !document.querySelector('button.graphiql-execute-button')
    ?.getAttribute('aria-label')?.startsWith('Stop'), null, { timeout: 15_000 }).catch(() => {});
  check(!(await stopping()), 'the stop button ends the subscription');
  console.log(`LiveBalance checks took ${Date.now() - started} ms`);
}

function firstMessage(text) {
  try {
    return JSON.parse(text).errors?.[0]?.message ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

/** The USD available amount of a balanceChanged result, as its exact decimal string; null when there is none. */
function usdAvailable(text) {
  try {
    const available = JSON.parse(text).data?.balanceChanged?.available ?? [];
    return available.find((a) => a.money.currencyCode === 'USD')?.money.amount ?? null;
  } catch {
    return null;
  }
}

/** "30002075.71" as 3000207571n: compared exactly, never as a float. */
function cents(amount) {
  return BigInt(amount.replace('.', ''));
}

if (failures.length) {
  console.error(`browser: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('browser: all checks passed');
