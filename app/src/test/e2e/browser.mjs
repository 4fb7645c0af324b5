// A real browser on GraphiQL: Debian's headless Chromium, driven by playwright-core, opens /graphiql on a
// running balancegraph, checks that the explorer plugin is shown and the example tabs are open, runs the Dashboard
// tab's query and checks that the balance, the currencies and the transactions appear in the result. Every request that is not to localhost/127.0.0.1 is blocked
// and counted: the page must not try any. Saves the screenshot to docs/graphiql.png.
//   node browser.mjs http://localhost:8080 [screenshot.png]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = (process.argv[2] ?? process.env.APP_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const screenshot = process.argv[3] ?? fileURLToPath(new URL('../../../../docs/graphiql.png', import.meta.url));
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
  check(['Dashboard', 'LastMonthActivity', 'PayoutReconciliation'].every((name) => tabs.some((tab) => tab.includes(name))),
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
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`browser: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('browser: all checks passed');
