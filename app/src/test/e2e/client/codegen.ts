import type { CodegenConfig } from "@graphql-codegen/cli";

// TypeScript types and typed documents for the operations in operations.graphql, from the schema the server
// serves. strictScalars makes codegen fail on a scalar it has no mapping for, so each of the three is mapped here.
const config: CodegenConfig = {
  schema: process.env.BALANCEGRAPH_SCHEMA ?? "http://localhost:8080/graphql/schema.graphqls",
  documents: "client/operations.graphql",
  generates: {
    "client/generated/graphql.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        strictScalars: true,
        scalars: {
          Decimal: "string", // an exact decimal string such as "30002075.03": keep it a string or a decimal type
          Long: "number", // a JSON number: exact in JavaScript up to 2^53 - 1 only
          DateTime: "string", // RFC 3339, e.g. "2026-10-30T04:03:47.000Z"
        },
        useTypeImports: true,
      },
    },
  },
};

export default config;
