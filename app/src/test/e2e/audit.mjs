// The graphql-http audit (GraphQL over HTTP spec) of a running balancegraph.
//   node audit.mjs http://localhost:8080/graphql
// Prints every check as "ok|warn|error  <id> <name>". Exits 1 on any MUST failure (error), and on any
// SHOULD/MAY warning whose id is not in audit-allowed-warnings.txt (each allowed id has a one-line reason
// there, explained in docs/http-conformance.md).
import { readFileSync } from 'node:fs';
import { auditServer } from 'graphql-http';

const url = process.argv[2] ?? process.env.GRAPHQL_URL ?? 'http://localhost:8080/graphql';
const allowFile = new URL('./audit-allowed-warnings.txt', import.meta.url);
const allowed = new Map(
  readFileSync(allowFile, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [id, ...reason] = line.split(/\s+/);
      if (!reason.length) throw new Error(`audit-allowed-warnings.txt: ${id} has no reason`);
      return [id, reason.join(' ')];
    }),
);

const results = await auditServer({ url });
const failures = [];
for (const result of results) {
  let line = `${result.status.padEnd(5)}  ${result.id} ${result.name}`;
  if (result.status === 'error') {
    failures.push(`MUST failed: ${result.id} ${result.name}`);
  } else if (result.status === 'warn') {
    if (allowed.has(result.id)) line += `  (allowed: ${allowed.get(result.id)})`;
    else failures.push(`warning not allowed: ${result.id} ${result.name}`);
  }
  console.log(line);
  if (result.status !== 'ok') {
    try {
      console.log(`       ${JSON.stringify(await result.reason ?? result.response?.status)}`.slice(0, 400));
    } catch { /* the reason is only for humans */ }
  }
}
for (const id of allowed.keys()) {
  if (!results.some((r) => r.id === id && r.status === 'warn')) {
    console.log(`note: allowed warning ${id} no longer occurs; remove it from audit-allowed-warnings.txt`);
  }
}
const count = (s) => results.filter((r) => r.status === s).length;
console.log(`audit: ${results.length} checks, ${count('ok')} ok, ${count('warn')} warn, ${count('error')} error`);
if (failures.length) {
  for (const f of failures) console.error(f);
  process.exit(1);
}
