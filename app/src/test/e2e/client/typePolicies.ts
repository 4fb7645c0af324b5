import type { TypePolicies } from "@apollo/client/core/index.js";
import { relayStylePagination } from "@apollo/client/utilities/index.js";

// Balance (by its account) and CurrencyBalance (by account and currency) have an id: cached by it as they are.
export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      // One list per account and filter; the pages fetchMore brings are merged by cursor. Select `edges` with
      // `cursor` (relayStylePagination keeps edges, not `nodes`) and `pageInfo { hasNextPage endCursor }`.
      balanceTransactions: relayStylePagination(["account", "filter"]),
    },
  },
  // The same currency wherever it is reached (code, exponent, name): one cache entry per code.
  Currency: { keyFields: ["code"] },
};
