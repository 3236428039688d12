import { randomUUID } from 'node:crypto';
import { type Stack } from './stack';

const CREATE_UNIT = `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id revision } }`;

/** Creates a unit through the gateway as the system administrator and records its id under `key`. */
export type CreateUnit = (key: string, input: Record<string, unknown>) => Promise<void>;

/** What a test creates its units with: the administrator's token, the test's own code tag and `create`. */
export interface TestUnits {
  /** A SYSTEM_ADMIN token (the units are created with it). */
  admin: string;
  /** Upper-case, 8 characters, unique per call: the units are coded `<tag>-<key>` so that no two runs collide. */
  tag: string;
  /** `input` is CreateUnitInput without `effectiveDate` and `code` unless the test names them; `ids[key]` receives the id. */
  create: CreateUnit;
}

/** The units of one test file on `stack`, effective from `effectiveDate` by default; their ids are written into `ids`. */
export async function testUnits(stack: Stack, ids: Record<string, string>, effectiveDate: string): Promise<TestUnits> {
  const admin = await stack.token(['SYSTEM_ADMIN'], randomUUID());
  const tag = randomUUID().slice(0, 8).toUpperCase();
  return {
    admin,
    tag,
    async create(key, input) {
      const result = await stack.query<{ createUnit: { id: string } }>(CREATE_UNIT, { input: { effectiveDate, code: `${tag}-${key}`, ...input } }, admin);
      expect(result.errors).toBeUndefined();
      ids[key] = result.data!.createUnit.id;
    },
  };
}
