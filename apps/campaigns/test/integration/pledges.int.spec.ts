import { type Identity } from '@antt/auth';
import { type PledgeRowInput } from '../../src/domain/pledge';
import { syntheticPledgeRows } from '../../src/pledges/synthetic-people';
import { type CampaignsHarness, as, startHarness } from '../support/campaigns-harness';
import { CREATE_CAMPAIGN, LAUNCH_CAMPAIGN } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

const COLUMNS = ['unit_code', 'signer_kind', 'full_name', 'birth_year', 'citizen_id', 'phone', 'household_code', 'signed_on'];
const IMPORT = `mutation($input: ImportPledgesInput!) { importPledges(input: $input) {
  received imported alreadyPresent rejected unitsChanged rejections { row column code reason } } }`;
const SIGN = `mutation($input: SignPledgeInput!) { signPledge(input: $input) { id status personalDataAccess fullName citizenId } }`;
const ERASE = `mutation($input: ErasePledgeInput!) { erasePledge(input: $input) { id status statusLabel fullName phone citizenId erasedAt } }`;
const PLEDGE_FIELDS = `id signerKind signerKindLabel status personalDataAccess fullName phone citizenId birthYear householdCode`;
const UNIT = `query($reps: [_Any!]!, $campaignId: ID!) { _entities(representations: $reps) { ... on Unit {
  pledgeCoverage(campaignId: $campaignId) { unitKind asOf pledgedStaff staffCount staffPercent pledgedHouseholds residentHouseholds householdPercent householdsComplete pledgedPupils erased }
  pledges(campaignId: $campaignId, first: 1000) { ${PLEDGE_FIELDS} }
} } }`;
const PLEDGE = `query($id: ID!, $campaignId: ID!) { pledge(id: $id) { ${PLEDGE_FIELDS} unit { id pledgeCoverage(campaignId: $campaignId) { pledgedStaff staffCount } } } }`;

function csv(rows: readonly PledgeRowInput[], columns = COLUMNS): string {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [columns.join(','), ...rows.map((row) => columns.map((column) => quote(row.values[column] ?? '')).join(','))].join('\n');
}

/** Pledges through the gateway (and the subgraph for `Unit` entities) on a real database: import, coverage, privacy, erasure. */
describe('campaigns: pledges', () => {
  let h: CampaignsHarness;
  const { id, states } = seedTree();
  const provincePolice = as('pv05@tb', 'STEERING_OFFICER', id.tb);
  const vuHoi = as('ca@vh', 'LEVEL_OFFICER', id.vh);
  const kienXuong = as('bcd138@kx', 'LEVEL_OFFICER', id.kx);
  const school = as('hieutruong@thpt', 'UNIT_OFFICER', id.school);
  const ministry = as('v05@bca', 'EXTERNAL_READER', id.tb);
  const orgAdmin = as('admin@tb', 'ORG_ADMIN', id.tb);
  let campaignId = '';

  // 1,200 pupils of the school (staffCount 1,200 in org-units), in two files of 600; three rows are bad.
  const pupils = syntheticPledgeRows('34000315', 'PUPIL', 1200, { signedOn: '2024-02-20', idBase: 0 });
  const staffWithId = syntheticPledgeRows('34000315', 'STAFF', 1, { signedOn: '2024-02-20', idBase: 900_000 })[0] as PledgeRowInput;
  const bad = (index: number, values: Record<string, string>) => {
    pupils[index] = { ...(pupils[index] as PledgeRowInput), values: { ...(pupils[index] as PledgeRowInput).values, ...values } };
  };
  bad(10, { citizen_id: '0340123' });
  bad(250, { signed_on: '2023-12-01' });
  bad(700, { phone: '12ab' });
  const first = csv(pupils.slice(0, 600));
  const second = csv(pupils.slice(600));

  const data = async (client: CampaignsHarness['request'], query: string, variables: Record<string, unknown>, caller: Identity) => {
    const response = await client<Data>(query, variables, caller);
    expect(response.errors).toBeUndefined();
    return response.data as Data;
  };
  const unitView = async (unitId: string, caller: Identity) =>
    (await data(h.requestSubgraph, UNIT, { reps: [{ __typename: 'Unit', id: unitId }], campaignId }, caller))._entities[0];
  const coverageEvents = () => h.prisma.outboxEvent.findMany({ where: { type: 'campaigns.pledge-coverage.changed.v1' }, orderBy: { seq: 'asc' } });

  beforeAll(async () => {
    h = await startHarness('2024-01-05');
    await h.project(states);
    const input = { title: 'Kế hoạch 2024', legalBases: [], ownerUnitId: id.tb, periodStart: '2024-01-01', periodEnd: '2024-12-31' };
    campaignId = (await data(h.request, CREATE_CAMPAIGN, { input }, provincePolice)).createCampaign.id;
    await data(h.request, LAUNCH_CAMPAIGN, { id: campaignId }, provincePolice);
    h.setToday('2024-03-01');
  });
  afterAll(async () => h?.close());

  it('all or nothing: a batch with bad rows is refused whole, each bad row named with its column and code', async () => {
    const response = await h.request<Data>(IMPORT, { input: { campaignId, csv: first } }, school);
    const extensions = response.errors?.[0]?.extensions as Data;
    expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PLEDGE_IMPORT_REFUSED', rejected: 2 });
    expect(extensions.rejections.map((r: Data) => [r.row, r.column, r.code])).toEqual([
      [12, 'citizen_id', 'PLEDGE_INVALID_CITIZEN_ID'],
      [252, 'signed_on', 'PLEDGE_DATE_OUTSIDE_PERIOD'],
    ]);
    expect(await h.prisma.pledge.count()).toBe(0);
    expect(await coverageEvents()).toHaveLength(0);
  });

  it('partial: the 1,200-pupil school imports 1,197 pledges, reports the 3 bad rows, one coverage event per batch', async () => {
    const a = (await data(h.request, IMPORT, { input: { campaignId, csv: first, partial: true } }, school)).importPledges;
    const b = (await data(h.request, IMPORT, { input: { campaignId, csv: second, partial: true } }, school)).importPledges;
    expect(a).toMatchObject({ received: 600, imported: 598, alreadyPresent: 0, rejected: 2, unitsChanged: 1 });
    expect(b).toMatchObject({ received: 600, imported: 599, alreadyPresent: 0, rejected: 1, unitsChanged: 1 });
    expect(b.rejections).toEqual([{ row: 102, column: 'phone', code: 'PLEDGE_INVALID_PHONE', reason: expect.stringContaining('phone') }]);
    expect(await h.prisma.pledge.count({ where: { unitId: id.school } })).toBe(1197);
    const events = await coverageEvents();
    expect(events.map((event) => (event.envelope as Data).data)).toEqual([
      expect.objectContaining({ unitId: id.school, pledgedStaff: 598, pledgedPupils: 598, added: 598, staffCount: 1200 }),
      expect.objectContaining({ unitId: id.school, pledgedStaff: 1197, pledgedPupils: 1197, added: 599, staffCount: 1200 }),
    ]);
  });

  it('coverage: pledged staff against org-units staffCount as of the date', async () => {
    const unit = await unitView(id.school, vuHoi);
    expect(unit.pledgeCoverage).toMatchObject({ unitKind: 'SCHOOL', asOf: '2024-03-01', pledgedStaff: 1197, pledgedPupils: 1197, staffCount: 1200, staffPercent: 99.75 });
    const early = await data(h.requestSubgraph, UNIT.replace('pledgeCoverage(campaignId: $campaignId)', 'pledgeCoverage(campaignId: $campaignId, asOf: "2024-02-19")'), { reps: [{ __typename: 'Unit', id: id.school }], campaignId }, vuHoi);
    expect(early._entities[0].pledgeCoverage.pledgedStaff).toBe(0);
  });

  it('re-running the same file is idempotent: nothing written twice, the report says already present, no event', async () => {
    const again = (await data(h.request, IMPORT, { input: { campaignId, csv: first, partial: true } }, school)).importPledges;
    expect(again).toMatchObject({ received: 600, imported: 0, alreadyPresent: 598, rejected: 2, unitsChanged: 0 });
    expect(await h.prisma.pledge.count()).toBe(1197);
    expect(await coverageEvents()).toHaveLength(2);
  });

  it('households of a residential area: R5 needs all of them', async () => {
    const households = syntheticPledgeRows('TB-VT-VH-01', 'HOUSEHOLD', 412, { signedOn: '2024-02-25', idBase: 100_000 });
    const partialHouseholds = (await data(h.request, IMPORT, { input: { campaignId, csv: csv(households.slice(0, 400)) } }, vuHoi)).importPledges;
    expect(partialHouseholds.imported).toBe(400);
    expect((await unitView(id.vh1, vuHoi)).pledgeCoverage).toMatchObject({ pledgedHouseholds: 400, residentHouseholds: 412, householdPercent: 97.09, householdsComplete: false });
    await data(h.request, IMPORT, { input: { campaignId, csv: csv(households) } }, vuHoi);
    expect((await unitView(id.vh1, vuHoi)).pledgeCoverage).toMatchObject({ pledgedHouseholds: 412, householdPercent: 100, householdsComplete: true });
    const commune = await data(
      h.requestSubgraph,
      `query($reps: [_Any!]!, $campaignId: ID!) { _entities(representations: $reps) { ... on Unit {
        own: pledgeCoverage(campaignId: $campaignId) { pledgedHouseholds residentHouseholds units }
        below: pledgeCoverage(campaignId: $campaignId, includeBelow: true) {
          includesBelow units pledgedHouseholds residentHouseholds householdPercent residentialAreas residentialAreasComplete pledgedStaff staffCount
        }
      } } }`,
      { reps: [{ __typename: 'Unit', id: id.vh }], campaignId },
      vuHoi,
    );
    // The commune's own residentHouseholds (2,874) is not a denominator: its villages' are (412 + 356 + 298).
    expect(commune._entities[0].own).toEqual({ pledgedHouseholds: 0, residentHouseholds: null, units: 1 });
    expect(commune._entities[0].below).toEqual({
      includesBelow: true,
      units: 6,
      pledgedHouseholds: 412,
      residentHouseholds: 1066,
      householdPercent: 38.65,
      residentialAreas: 3,
      residentialAreasComplete: 1,
      pledgedStaff: 1197,
      staffCount: 1235,
    });
  });

  it('two imports of one file racing: every person once, the loser reports them already present', async () => {
    const file = csv(syntheticPledgeRows('TB-VT-VH-02', 'HOUSEHOLD', 300, { signedOn: '2024-02-26', idBase: 300_000 }));
    const [a, b] = await Promise.all([0, 1].map(() => h.request<Data>(IMPORT, { input: { campaignId, csv: file } }, vuHoi)));
    expect(a?.errors).toBeUndefined();
    expect(b?.errors).toBeUndefined();
    const reports = [a?.data?.importPledges, b?.data?.importPledges];
    expect(reports.map((r) => r.imported + r.alreadyPresent)).toEqual([300, 300]);
    expect(reports.reduce((total, r) => total + r.imported, 0)).toBe(300);
    expect(await h.prisma.pledge.count({ where: { unitId: id.vh2 } })).toBe(300);
  });

  it('a duplicate pledge is refused with a stable code; a date outside the period names the field', async () => {
    const pupil = (pupils[0] as PledgeRowInput).values;
    const sign = { campaignId, unitId: id.school, signerKind: 'PUPIL', fullName: pupil.full_name, birthYear: Number(pupil.birth_year) };
    const duplicate = await h.request<Data>(SIGN, { input: sign }, school);
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLEDGE_EXISTS' });
    const household = await h.request<Data>(SIGN, { input: { ...sign, unitId: id.vh1, signerKind: 'RESIDENT', citizenId: '034100100000' } }, vuHoi);
    expect(household.errors).toBeUndefined();
    const sameIdElsewhere = await h.request<Data>(SIGN, { input: { ...sign, signerKind: 'STAFF', fullName: 'Trần Văn B', citizenId: '034 100 100 000' } }, school);
    expect(sameIdElsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLEDGE_EXISTS', field: 'citizenId' });
    const outside = await h.request<Data>(SIGN, { input: { ...sign, fullName: 'Lê Thị C', signedOn: '2025-01-05' } }, school);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PLEDGE_DATE_OUTSIDE_PERIOD', field: 'signedOn' });
    const badId = await h.request<Data>(SIGN, { input: { ...sign, fullName: 'Lê Thị C', citizenId: '12345' } }, school);
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PLEDGE_INVALID_CITIZEN_ID', field: 'citizenId' });
    const badName = await h.request<Data>(SIGN, { input: { ...sign, fullName: 'Lê\u202EThị' } }, school);
    expect(badName.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TEXT', field: 'fullName' });
  });

  it('a CSV with wrong or missing columns, too many rows or broken quoting is refused whole with a clear code', async () => {
    const wrong = ['unit_code', 'signer_kind', 'ho_ten', 'birth_year', 'citizen_id', 'phone', 'household_code', 'signed_on', 'address'];
    const response = await h.request<Data>(IMPORT, { input: { campaignId, csv: csv(pupils.slice(0, 3), wrong), partial: true } }, school);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PLEDGE_CSV_COLUMNS', missing: ['full_name'], unexpected: ['ho_ten', 'address'] });
    const tooMany = await h.request<Data>(IMPORT, { input: { campaignId, csv: csv(syntheticPledgeRows('34000315', 'STAFF', 1001, { signedOn: '2024-02-20', idBase: 500_000 })) } }, school);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PLEDGE_TOO_MANY_ROWS', max: 1000, count: 1001 });
    const unreadable = await h.request<Data>(IMPORT, { input: { campaignId, csv: `${COLUMNS.join(',')}\n"unclosed,PUPIL` } }, school);
    expect(unreadable.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PLEDGE_CSV_INVALID', field: 'csv' });
  });

  it('personal data: in clear to the unit and the levels above, masked to other roles, never to an external agency, absent outside', async () => {
    const pupil = (pupils[1] as PledgeRowInput).values;
    const officer = (await unitView(id.school, vuHoi)).pledges as Data[];
    expect(officer).toHaveLength(1000);
    expect(officer.every((p) => p.personalDataAccess === 'FULL' && typeof p.fullName === 'string')).toBe(true);
    const stored = (await h.prisma.pledge.findFirst({ where: { unitId: id.school, fullName: pupil.full_name, birthYear: Number(pupil.birth_year) } }))!;
    const shown = (await data(h.request, PLEDGE, { id: stored.id, campaignId }, school)).pledge;
    expect(shown).toMatchObject({ personalDataAccess: 'FULL', signerKindLabel: 'Học sinh, sinh viên', fullName: pupil.full_name, phone: pupil.phone || null, citizenId: null });
    const adult = (await h.prisma.pledge.findFirst({ where: { unitId: id.vh1, signerKind: 'HOUSEHOLD', citizenIdEnc: { not: null } } }))!;
    expect(adult.citizenIdEnc).not.toMatch(/^034/);
    const inClear = (await data(h.request, PLEDGE, { id: adult.id, campaignId }, vuHoi)).pledge;
    expect(inClear.citizenId).toMatch(/^034\d{9}$/);
    const external = await h.request<Data>(PLEDGE, { id: adult.id, campaignId }, ministry);
    expect(external.data?.pledge).toMatchObject({ personalDataAccess: 'NONE', fullName: null, phone: null, citizenId: null, birthYear: null, householdCode: null });
    expect(external.data?.pledge.unit.pledgeCoverage).toMatchObject({ pledgedStaff: 0 });
    expect(JSON.stringify(external)).not.toContain(inClear.fullName);
    expect(JSON.stringify(external)).not.toContain(inClear.citizenId);
    const externalList = (await unitView(id.school, ministry)).pledges as Data[];
    expect(externalList).toHaveLength(1000);
    expect(externalList.every((p) => p.fullName === null && p.phone === null && p.citizenId === null)).toBe(true);
    const masked = (await data(h.request, PLEDGE, { id: adult.id, campaignId }, orgAdmin)).pledge;
    expect(masked.personalDataAccess).toBe('MASKED');
    expect(masked.fullName).not.toBe(inClear.fullName);
    expect(masked.fullName).toMatch(/^\p{L}\*+ \p{L}\*+ \p{L}\*+$/u);
    expect(masked.citizenId).toBeNull();
    expect((await data(h.request, PLEDGE, { id: adult.id, campaignId }, kienXuong)).pledge).toBeNull();
    const outside = await unitView(id.school, kienXuong);
    expect(outside.pledgeCoverage).toBeNull();
    expect(outside.pledges).toEqual([]);
    const foreign = await h.request<Data>(IMPORT, { input: { campaignId, csv: csv(syntheticPledgeRows('TB-VT-VH-02', 'HOUSEHOLD', 2, { signedOn: '2024-02-25', idBase: 200_000 })) } }, kienXuong);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ reason: 'PLEDGE_IMPORT_REFUSED', rejections: [expect.objectContaining({ code: 'PLEDGE_UNIT_NOT_FOUND', column: 'unit_code' }), expect.anything()] });
    const otherUnit = await h.request<Data>(IMPORT, { input: { campaignId, csv: csv(syntheticPledgeRows('TB-VT-VH-02', 'HOUSEHOLD', 1, { signedOn: '2024-02-25', idBase: 200_000 })) } }, school);
    expect(otherUnit.errors?.[0]?.extensions?.rejections).toEqual([expect.objectContaining({ code: 'PLEDGE_UNIT_NOT_FOUND' })]);
  });

  it('the coverage events carry counts only: no name, phone, citizen ID or hash', async () => {
    const envelopes = JSON.stringify((await coverageEvents()).map((event) => event.envelope));
    const stored = await h.prisma.pledge.findMany({ select: { fullName: true, phone: true, dedupKey: true }, take: 200 });
    for (const row of stored) {
      if (row.fullName) expect(envelopes).not.toContain(row.fullName);
      if (row.phone) expect(envelopes).not.toContain(row.phone);
      expect(envelopes).not.toContain(row.dedupKey.slice(4));
    }
    expect(envelopes).not.toMatch(/034\d{9}/);
    for (const event of await coverageEvents()) {
      expect(Object.keys((event.envelope as Data).data).sort()).toEqual(
        ['added', 'campaignId', 'countedOn', 'erased', 'pledgedHouseholds', 'pledgedPupils', 'pledgedResidents', 'pledgedStaff', 'residentHouseholds', 'staffCount', 'unitId', 'unitKind'].sort(),
      );
    }
  });

  it('erasure removes the personal fields, keeps the pledge counted, is recorded, and only a managing level may do it', async () => {
    const target = (await h.prisma.pledge.findFirst({ where: { unitId: id.school, status: 'ACTIVE' }, orderBy: { id: 'asc' } }))!;
    const refused = await h.request<Data>(ERASE, { input: { pledgeId: target.id, reason: 'Yêu cầu của phụ huynh' } }, school);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const outside = await h.request<Data>(ERASE, { input: { pledgeId: target.id, reason: 'x' } }, kienXuong);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PLEDGE_NOT_FOUND' });
    const erased = (await data(h.request, ERASE, { input: { pledgeId: target.id, reason: 'Yêu cầu của phụ huynh' } }, vuHoi)).erasePledge;
    expect(erased).toMatchObject({ status: 'ERASED', statusLabel: 'Đã xoá dữ liệu cá nhân', fullName: null, phone: null, citizenId: null });
    const row = (await h.prisma.pledge.findUnique({ where: { id: target.id } }))!;
    expect(row).toMatchObject({ status: 'ERASED', fullName: null, phone: null, citizenIdEnc: null, birthYear: null, erasedBy: 'ca@vh', eraseReason: 'Yêu cầu của phụ huynh' });
    expect(row.dedupKey).toBe(`erased:${target.id}`);
    expect(row.erasedAt).not.toBeNull();
    expect((await unitView(id.school, vuHoi)).pledgeCoverage).toMatchObject({ pledgedStaff: 1197, erased: 1, staffPercent: 99.75 });
    const again = await h.request<Data>(ERASE, { input: { pledgeId: target.id, reason: 'x' } }, vuHoi);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLEDGE_ALREADY_ERASED' });
  });

  it('a staff member with a citizen ID signs once; a unit officer signs its own unit only', async () => {
    const values = staffWithId.values;
    const input = { campaignId, unitId: id.school, signerKind: 'STAFF', fullName: values.full_name, citizenId: values.citizen_id, phone: values.phone || null };
    const signed = (await data(h.request, SIGN, { input }, school)).signPledge;
    expect(signed).toMatchObject({ status: 'ACTIVE', personalDataAccess: 'FULL', citizenId: values.citizen_id });
    const elsewhere = await h.request<Data>(SIGN, { input: { ...input, unitId: id.vh2, signerKind: 'RESIDENT' } }, school);
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ reason: 'PLEDGE_UNIT_NOT_FOUND', field: 'unitId' });
  });
});
