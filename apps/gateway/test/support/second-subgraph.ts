import { parse } from 'graphql';

/** The schema of the second subgraph the fault tests run as a child process (named `campaigns` in their supergraph). */
export const secondTypeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    second: String
    secondSlow(ms: Int!): String
  }
`);
