import { DEV_JWT_HS256_SECRET, type Identity, mintDevToken, signGatewayAssertion } from '@antt/auth';

/** What a GraphQL server answers over HTTP. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** Sends one operation as `caller` (null: anonymous) and returns the parsed answer, errors included. */
export type GraphQLClient = <T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  caller: Identity | null,
) => Promise<GraphQLResponse<T>>;

async function post<T>(url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** A client of the gateway as a front end calls it: a dev bearer token for the caller (HS256 with the dev secret). */
export function gatewayClient(graphqlUrl: string): GraphQLClient {
  return async (query, variables, caller) => {
    const headers: Record<string, string> = caller
      ? {
          authorization: `Bearer ${await mintDevToken({ subject: caller.subject, roles: caller.roles, unitId: caller.jurisdictionUnitId, secret: DEV_JWT_HS256_SECRET })}`,
        }
      : {};
    return post(graphqlUrl, headers, query, variables);
  };
}

/**
 * A client of one subgraph as the gateway calls it: the caller signed into a gateway assertion bound to this query and
 * these variables (for `_entities`).
 */
export function subgraphClient(url: string, gatewaySigningKey: string): GraphQLClient {
  return async (query, variables, caller) =>
    post(url, { 'x-antt-gateway-assertion': await signGatewayAssertion(caller, gatewaySigningKey, { request: { query, variables } }) }, query, variables);
}
