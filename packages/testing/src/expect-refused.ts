import { type GraphQLResponse } from './graphql-clients';

/** The refusal a test expects: the stable `extensions.code` and `reason`, and the `field` a BAD_USER_INPUT names. */
export interface ExpectedRefusal {
  code: string;
  reason: string;
  field?: string;
}

/**
 * Sends one operation that must be refused and checks the refusal: no data, the first error's code and reason (and field, when
 * expected), and `tableCounts()` the same after as before, i.e. nothing was written. Call it inside a Jest test.
 */
export async function expectRefusedWithoutWrites(send: () => Promise<GraphQLResponse<unknown>>, expected: ExpectedRefusal, tableCounts: () => Promise<unknown>): Promise<void> {
  const before = await tableCounts();
  const response = await send();
  expect(response.data ?? null).toBeNull();
  const extensions = response.errors?.[0]?.extensions as Record<string, unknown>;
  expect(extensions.code).toBe(expected.code);
  expect(extensions.reason).toBe(expected.reason);
  if (expected.field) expect(extensions.field).toBe(expected.field);
  expect(await tableCounts()).toEqual(before);
}
