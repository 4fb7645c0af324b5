// The client guide (docs/clients.md), kept true: Apollo Client 3 with the guide's typePolicies and the types
// graphql-codegen generated from the served schema (codegen.ts), against the running demo app. Checks that
//  1. relayStylePagination pages through every demo transaction with fetchMore: no duplicates, the same order as
//     the raw list read page by page over plain HTTP;
//  2. Balance and CurrencyBalance are normalized by id and Currency by code: two queries selecting different fields
//     of the balance lose nothing ("Cache data may be lost" is never warned), and a Money's currency leaves the
//     account's totals of that currency as they were;
//  3. a request error answers 400 in application/graphql-response+json, which Apollo 3 gives as a networkError
//     (a ServerError with statusCode and result.errors), not as graphQLErrors.
// Usage: node walk.js http://localhost:8080/graphql; prints one line per check, exits non-zero when one failed.
import { ApolloClient, ApolloError, HttpLink, InMemoryCache, ServerError, gql } from "@apollo/client/core/index.js";
import { loadDevMessages, loadErrorMessages } from "@apollo/client/dev/index.js";
import {
  BalanceAmountsDocument,
  BalanceMinorUnitsDocument,
  CurrenciesDocument,
  TransactionsDocument,
  type TransactionsQuery,
} from "./generated/graphql.js";
import { typePolicies } from "./typePolicies.js";

const url = process.argv[2] ?? "http://localhost:8080/graphql";
const pageSize = 100;
let failed = 0;

function check(ok: boolean, what: string): void {
  console.log(`${ok ? "ok" : "FAILED"}: ${what}`);
  if (!ok) failed++;
}

loadDevMessages();
loadErrorMessages();
const warnings: string[] = [];
const warn = console.warn;
console.warn = (...args: unknown[]) => {
  warnings.push(args.map(String).join(" "));
  warn(...args);
};

const client = new ApolloClient({
  link: new HttpLink({
    uri: url,
    // Ask for the GraphQL-over-HTTP response type: request errors then come back as HTTP 400 (see docs/clients.md).
    headers: { accept: "application/graphql-response+json, application/json;q=0.9" },
  }),
  cache: new InMemoryCache({ typePolicies }),
});

// The raw list: every page over plain HTTP, following endCursor.
async function rawIds(): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        query: "query($first: Int, $after: String) { balanceTransactions(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }",
        variables: { first: pageSize, after },
      }),
    });
    const body = (await response.json()) as {
      data: { balanceTransactions: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    };
    const page = body.data.balanceTransactions;
    ids.push(...page.nodes.map((node) => node.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}

// 1. Every transaction through Apollo's cache, fetchMore after fetchMore.
async function apolloWalk(): Promise<{ ids: string[]; pages: number; minorUnits: number }> {
  const query = client.watchQuery({ query: TransactionsDocument, variables: { first: pageSize } });
  // Watched while the walk runs, as a component using useQuery would be.
  let subscription: { unsubscribe(): void } | undefined;
  await new Promise<void>((resolve, reject) => {
    subscription = query.subscribe({ next: (first) => first.loading || resolve(), error: reject });
  });
  let result = query.getCurrentResult();
  let pages = 1;
  while (result.data.balanceTransactions?.pageInfo.hasNextPage) {
    await query.fetchMore({ variables: { after: result.data.balanceTransactions.pageInfo.endCursor } });
    result = query.getCurrentResult();
    pages++;
  }
  subscription?.unsubscribe();
  const connection: TransactionsQuery["balanceTransactions"] = result.data.balanceTransactions;
  const edges = connection?.edges ?? [];
  // Long is a number here (codegen's mapping), so this adds up as numbers, which tsc checks.
  const minorUnits = edges.filter((edge) => edge.node.amount.currency.code === "JPY")
    .reduce((sum, edge) => sum + edge.node.amount.minorUnits, 0);
  return { ids: edges.map((edge) => edge.node.id), pages, minorUnits };
}

const started = Date.now();
const raw = await rawIds();
const walked = await apolloWalk();
check(raw.length > pageSize, `the raw list has ${raw.length} transactions, more than one page`);
check(walked.pages === Math.ceil(raw.length / pageSize), `Apollo read them in ${walked.pages} pages of ${pageSize}`);
check(new Set(walked.ids).size === walked.ids.length, `no duplicates among the ${walked.ids.length} Apollo merged`);
check(walked.ids.length === raw.length && walked.ids.every((id, i) => id === raw[i]),
  "relayStylePagination's list is the raw list, in the same order");
check(Number.isSafeInteger(walked.minorUnits), "the JPY minor units add up as numbers");

// 2. Identity in the cache.
await client.query({ query: BalanceAmountsDocument });
await client.query({ query: BalanceMinorUnitsDocument });
const currencies = await client.query({ query: CurrenciesDocument });
const cached = client.cache.extract() as Record<string, Record<string, unknown>>;
check(cached["Balance:platform"] !== undefined, "the balance is one cache entry, Balance:platform");
check(!warnings.some((w) => w.includes("Cache data may be lost")), "no \"Cache data may be lost\" warning");
check(cached['Currency:{"code":"USD"}']?.exponent === 2, "USD is one Currency entry, keyed by code");
const usd = currencies.data.currencies?.find((currency) => currency.code === "USD");
const again = client.readQuery({ query: CurrenciesDocument })?.currencies?.find((currency) => currency.id === usd?.id);
check(usd !== undefined && again?.available.amount === usd.available.amount && again.available.amount !== "",
  `the cached USD totals are still there (${again?.available.amount}) after Money.currency was cached`);

// 3. A request error.
try {
  await client.query({ query: gql`query Broken { balance { noSuchField } }` });
  check(false, "a query that does not validate fails");
} catch (error) {
  const network = error instanceof ApolloError ? (error.networkError as ServerError | null) : null;
  const result = network?.result as { errors?: { extensions?: { code?: string } }[] } | undefined;
  check(network?.statusCode === 400, `a query that does not validate: networkError with statusCode ${network?.statusCode}`);
  check(result?.errors?.[0]?.extensions?.code === "GRAPHQL_VALIDATION_FAILED",
    `its result.errors hold the coded error (${result?.errors?.[0]?.extensions?.code})`);
  check(error instanceof ApolloError && error.graphQLErrors.length === 0, "and graphQLErrors is empty");
}

console.log(`client walk took ${Date.now() - started} ms`);
process.exit(failed === 0 ? 0 : 1);
