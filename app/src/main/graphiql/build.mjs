// Copies GraphiQL's prebuilt browser bundles, its explorer plugin's and the graphql-ws client's (UMD, no bundler
// needed) out of node_modules into a folder of the app's class path, so the jar serves them itself and /graphiql
// works with no internet.
//
//   npm run build -- <output folder>        (Maven runs this in generate-resources)
//
// `npm ci` runs first unless node_modules was installed from exactly this package-lock.json and holds every asset.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Served name → file in node_modules. The page (src/main/resources/graphiql/balancegraph.html) loads these names. */
const ASSETS = {
  'react.production.min.js': 'react/umd/react.production.min.js',
  'react-dom.production.min.js': 'react-dom/umd/react-dom.production.min.js',
  'graphiql.min.js': 'graphiql/graphiql.min.js',
  'graphiql.min.css': 'graphiql/graphiql.min.css',
  'graphiql-plugin-explorer.umd.js': '@graphiql/plugin-explorer/dist/index.umd.js',
  'graphiql-plugin-explorer.css': '@graphiql/plugin-explorer/dist/style.css',
  // The graphql-ws client (the graphql-transport-ws protocol) for subscriptions: its UMD build defines `graphqlWs`.
  'graphql-ws.min.js': 'graphql-ws/umd/graphql-ws.min.js',
};

const outDir = process.argv[2];
if (!outDir) {
  fail('usage: npm run build -- <output folder>');
}

const lockHash = createHash('sha256').update(readFileSync(join(here, 'package-lock.json'))).digest('hex');
const marker = join(here, 'node_modules', '.balancegraph-installed');
const source = (file) => join(here, 'node_modules', file);
const installed = existsSync(marker)
  && readFileSync(marker, 'utf8').trim() === lockHash
  && Object.values(ASSETS).every((file) => existsSync(source(file)));

if (installed) {
  console.log('graphiql: node_modules matches package-lock.json, skipping npm ci');
} else {
  console.log('graphiql: npm ci');
  // npm_execpath is the npm that runs this script: use the same one, on every platform.
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, 'ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' })
    : spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    fail(`npm ci failed (${result.error ?? `exit code ${result.status}`}): the npm registry must be reachable for the first build`);
  }
  writeFileSync(marker, `${lockHash}\n`);
}

const target = resolve(outDir);
mkdirSync(target, { recursive: true });
for (const [name, file] of Object.entries(ASSETS)) {
  const from = source(file);
  if (!existsSync(from) || statSync(from).size === 0) {
    fail(`${file} is missing from node_modules: does the pinned package still ship it?`);
  }
  copyFileSync(from, join(target, name));
}
console.log(`graphiql: ${Object.keys(ASSETS).length} assets copied to ${target}`);

function fail(message) {
  console.error(`graphiql: ${message}`);
  process.exit(1);
}
