import { type Identity } from '@antt/auth';
import { type GraphQLResponse, type OrgUnitsHarness } from './org-units-harness';

export const UNIT_FIELDS = `id code kind name asOf validFrom validTo createdOn dissolvedOn revision parentId managingUnitId
  attributes { enterpriseSize schoolLevel armedForces residentHouseholds staffCount }
  safeStandardScope { applies reason }`;

export interface UnitResult {
  id: string;
  code: string;
  kind: string;
  name: string;
  asOf: string;
  validFrom: string;
  validTo: string | null;
  createdOn: string;
  dissolvedOn: string | null;
  revision: number;
  parentId: string | null;
  managingUnitId: string | null;
  attributes: Record<string, unknown>;
  safeStandardScope: { applies: boolean; reason: string | null };
}

const MUTATIONS = {
  createUnit: 'CreateUnitInput',
  renameUnit: 'RenameUnitInput',
  moveUnit: 'MoveUnitInput',
  updateUnit: 'UpdateUnitInput',
  mergeUnits: 'MergeUnitsInput',
  splitUnit: 'SplitUnitInput',
  dissolveUnit: 'DissolveUnitInput',
} as const;

/** Runs one mutation; returns the raw response so that tests can assert errors. */
export function mutate(
  harness: OrgUnitsHarness,
  name: keyof typeof MUTATIONS,
  input: Record<string, unknown>,
  caller: Identity | null,
): Promise<GraphQLResponse<Record<string, UnitResult & UnitResult[]>>> {
  return harness.request(
    `mutation($input: ${MUTATIONS[name]}!) { ${name}(input: $input) { ${UNIT_FIELDS} } }`,
    { input },
    caller,
  );
}

/** Runs one mutation that must succeed and returns its unit(s). */
export async function mutateOk<T = UnitResult>(
  harness: OrgUnitsHarness,
  name: keyof typeof MUTATIONS,
  input: Record<string, unknown>,
  caller: Identity | null,
): Promise<T> {
  const response = await mutate(harness, name, input, caller);
  if (response.errors) throw new Error(`${name} failed: ${JSON.stringify(response.errors)}`);
  return response.data?.[name] as T;
}

export async function queryOk<T = Record<string, unknown>>(
  harness: OrgUnitsHarness,
  query: string,
  variables: Record<string, unknown>,
  caller: Identity | null,
): Promise<T> {
  const response = await harness.request<T>(query, variables, caller);
  if (response.errors) throw new Error(`query failed: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}

/** The `extensions` of the single error of a failed response. */
export function errorOf(response: GraphQLResponse<unknown>): { code: unknown; reason: unknown } {
  const error = response.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(response.data)}`);
  return { code: error.extensions?.code, reason: error.extensions?.reason };
}
