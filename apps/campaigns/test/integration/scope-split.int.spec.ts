import { randomUUID } from 'node:crypto';
import { type DirectoryAttributes, type UnitState } from '@antt/unit-directory';
import { type CampaignsHarness, as, startHarness } from '../support/campaigns-harness';
import { CAMPAIGN, CREATE_CAMPAIGN, LAUNCH_CAMPAIGN, REGISTER_UNIT, REGISTER_UNITS, SUMMARY } from '../support/operations';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

const NONE: DirectoryAttributes = { enterpriseSize: null, schoolLevel: null, armedForces: null, residentHouseholds: null, staffCount: null };
const ATTAINMENT = `query($id: ID!, $asOf: Date) { campaign(id: $id) { attainment(asOf: $asOf) { unitId
  targets { code numerator denominator met byLevel { level units unitsMet } levelUnits(first: 10) { unitId kind numerator denominator } shortfall(first: 10) { totalCount units { unitId reason } } }
} } }`;
const UNIT_ATTAINMENT = `query($r: [_Any!]!, $campaignId: ID!, $asOf: Date) { _entities(representations: $r) { ... on Unit { id attainment(campaignId: $campaignId, asOf: $asOf) {
  unitId targets { code numerator denominator }
} } } }`;
const SIGN = `mutation($input: SignPledgeInput!) { signPledge(input: $input) { id unitId } }`;
const SCOPE_ON = `query ($id: ID!, $on: Date) { campaign(id: $id) {
  scopeUnitId scopeUnitOn(on: $on) { id }
  scopeUnitsOn(on: $on) { unitId unit { id } share shareLabel route since splitFromUnitId splitBefore }
} }`;

/**
 * A district campaign whose district is split by a reform on 2025-07-01: Huyện Đông Hưng goes in part into a new district
 * (Đông Hưng Bắc, with Xã Đông La) and in part into the existing Huyện Quỳnh Phụ (Xã Đông Xá). From the split the campaign's
 * scope is both parts, each cut to what came from Đông Hưng: Quỳnh Phụ's own Xã Quỳnh Hoa stays outside.
 */
describe('a campaign whose scope unit is split by a reform', () => {
  let h: CampaignsHarness;
  const id = { province: randomUUID(), dh: randomUUID(), qp: randomUUID(), dhBac: randomUUID(), dongLa: randomUUID(), dongXa: randomUUID(), quynhHoa: randomUUID() };
  const police = as('pv05@tb', 'STEERING_OFFICER', id.province);
  const dongLaOfficer = as('ca@dongla', 'UNIT_OFFICER', id.dongLa);
  const quynhHoaOfficer = as('ca@quynhhoa', 'UNIT_OFFICER', id.quynhHoa);
  let district = '';

  const ok = async (query: string, variables: Record<string, unknown>, caller: Parameters<CampaignsHarness['request']>[2]) => {
    const response = await h.request<Data>(query, variables, caller);
    expect(response.errors).toBeUndefined();
    return response.data as Data;
  };
  const version = (validFrom: string, validTo: string | null, name: string, parentId: string | null) => ({ validFrom, validTo, name, parentId, managingUnitId: null, attributes: NONE });
  const unit = (unitId: string, code: string, kind: string, timeline: ReturnType<typeof version>[], extra: Partial<UnitState> = {}): UnitState => ({
    unitId,
    code,
    kind,
    revision: 1,
    dissolvedOn: null,
    timeline,
    ...extra,
  });
  const before: UnitState[] = [
    unit(id.province, 'TB', 'PROVINCE', [version('2019-01-01', null, 'Tỉnh Thái Bình', null)]),
    unit(id.dh, 'TB-DH', 'DISTRICT', [version('2019-01-01', null, 'Huyện Đông Hưng', id.province)]),
    unit(id.qp, 'TB-QP', 'DISTRICT', [version('2019-01-01', null, 'Huyện Quỳnh Phụ', id.province)]),
    unit(id.dongLa, 'TB-DH-DL', 'COMMUNE', [version('2019-01-01', null, 'Xã Đông La', id.dh)]),
    unit(id.dongXa, 'TB-DH-DX', 'COMMUNE', [version('2019-01-01', null, 'Xã Đông Xá', id.dh)]),
    unit(id.quynhHoa, 'TB-QP-QH', 'COMMUNE', [version('2019-01-01', null, 'Xã Quỳnh Hoa', id.qp)]),
  ];
  /** What org-units publishes for the split: Đông Hưng split (its lineage), its communes moved to the two parts. */
  const split: UnitState[] = [
    unit(id.dhBac, 'TB-DHB', 'DISTRICT', [version('2025-07-01', null, 'Huyện Đông Hưng Bắc', id.province)]),
    unit(id.dh, 'TB-DH', 'DISTRICT', [version('2019-01-01', '2025-07-01', 'Huyện Đông Hưng', id.province)], {
      revision: 2,
      dissolvedOn: '2025-07-01',
      effectiveDate: '2025-07-01',
      change: { intoUnitIds: [id.dhBac, id.qp] },
    }),
    unit(id.dongLa, 'TB-DH-DL', 'COMMUNE', [version('2019-01-01', '2025-07-01', 'Xã Đông La', id.dh), version('2025-07-01', null, 'Xã Đông La', id.dhBac)], { revision: 2 }),
    unit(id.dongXa, 'TB-DH-DX', 'COMMUNE', [version('2019-01-01', '2025-07-01', 'Xã Đông Xá', id.dh), version('2025-07-01', null, 'Xã Đông Xá', id.qp)], { revision: 2 }),
  ];

  beforeAll(async () => {
    h = await startHarness('2025-01-03');
    await h.project(before);
    const input = { legalBases: ['Quyết định 2447/QĐ-TTg'], periodStart: '2025-01-01', periodEnd: '2025-12-31' };
    const province = (await ok(CREATE_CAMPAIGN, { input: { ...input, title: 'Phong trào tỉnh Thái Bình 2025', ownerUnitId: id.province } }, police)).createCampaign.id;
    await ok(LAUNCH_CAMPAIGN, { id: province }, police);
    district = (await ok(CREATE_CAMPAIGN, { input: { ...input, title: 'Phong trào huyện Đông Hưng 2025', ownerUnitId: id.dh, parentCampaignId: province } }, police)).createCampaign.id;
    await ok(LAUNCH_CAMPAIGN, { id: district }, police);
    await h.project(split);
  });
  afterAll(async () => h?.close());

  it('before the split the scope is the district itself', async () => {
    h.setToday('2025-06-30');
    expect((await ok(SCOPE_ON, { id: district, on: '2025-06-30' }, police)).campaign).toEqual({
      scopeUnitId: id.dh,
      scopeUnitOn: { id: id.dh },
      scopeUnitsOn: [{ unitId: id.dh, unit: { id: id.dh }, share: 'WHOLE', shareLabel: 'Toàn bộ', route: [id.dh], since: null, splitFromUnitId: null, splitBefore: null }],
    });
    const summary = (await ok(SUMMARY, { id: district }, police)).campaign.registrationSummary;
    expect(summary.unitId).toBe(id.dh);
    expect(summary.rows.map((row: Data) => row.unitId).sort()).toEqual([id.dongLa, id.dongXa].sort());
  });

  it('on 2025-08-01 the scope is both parts, each PARTIAL from the split district; scopeUnitOn keeps the stored unit', async () => {
    h.setToday('2025-08-01');
    const partial = (unitId: string) => ({ unitId, unit: { id: unitId }, share: 'PARTIAL', shareLabel: 'Một phần (sau chia tách)', route: [id.dh, unitId], since: '2025-07-01', splitFromUnitId: id.dh, splitBefore: '2025-06-30' });
    expect((await ok(SCOPE_ON, { id: district, on: '2025-08-01' }, police)).campaign).toEqual({
      scopeUnitId: id.dh,
      scopeUnitOn: { id: id.dh },
      scopeUnitsOn: [partial(id.dhBac), partial(id.qp)],
    });
    // The province consolidates the split campaign at its own unit, cut to the scope: Quỳnh Phụ's own commune is not in it.
    const summary = (await ok(SUMMARY, { id: district }, police)).campaign.registrationSummary;
    expect(summary).toMatchObject({ unitId: id.province, expected: 2, registered: 0 });
    expect(summary.rows.map((row: Data) => row.unitId).sort()).toEqual([id.dongLa, id.dongXa].sort());
    const atQuynhPhu = (await ok(SUMMARY, { id: district, unitId: id.qp }, police)).campaign.registrationSummary;
    expect(atQuynhPhu.rows.map((row: Data) => row.unitId)).toEqual([id.dongXa]);
  });

  it('a commune under the first part sees the campaign and registers in it; a commune elsewhere may not', async () => {
    h.setToday('2025-08-01');
    expect((await ok(CAMPAIGN, { id: district }, dongLaOfficer)).campaign).toMatchObject({ id: district });
    const registered = await ok(REGISTER_UNIT, { input: { campaignId: district, unitId: id.dongLa, forSafeStandard: true, forClassification: true } }, dongLaOfficer);
    expect(registered.registerUnit).toMatchObject({ unitId: id.dongLa, campaignId: district, registeredOn: '2025-08-01', status: 'SUBMITTED' });

    // Xã Quỳnh Hoa lies under a part (Quỳnh Phụ) but never came from Đông Hưng: the campaign is not its.
    expect((await ok(CAMPAIGN, { id: district }, quynhHoaOfficer)).campaign).toBeNull();
    const outside = await h.request(REGISTER_UNIT, { input: { campaignId: district, unitId: id.quynhHoa, forSafeStandard: true, forClassification: true } }, police);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REGISTRATION_UNIT_OUTSIDE_CAMPAIGN' });
    // All or nothing: a bulk with the commune that came over to Quỳnh Phụ and the one that did not writes nothing.
    const bulk = await h.request(REGISTER_UNITS, { input: { campaignId: district, units: [{ unitId: id.dongXa, forSafeStandard: true, forClassification: true }, { unitId: id.quynhHoa, forSafeStandard: true, forClassification: true }] } }, police);
    expect(bulk.errors?.[0]?.extensions).toMatchObject({ reason: 'REGISTRATION_UNIT_OUTSIDE_CAMPAIGN' });
    const dongXa = await ok(REGISTER_UNITS, { input: { campaignId: district, units: [{ unitId: id.dongXa, forSafeStandard: true, forClassification: true }] } }, police);
    expect(dongXa.registerUnits).toEqual([expect.objectContaining({ unitId: id.dongXa, campaignId: district })]);

    const summary = (await ok(SUMMARY, { id: district }, police)).campaign.registrationSummary;
    expect(summary).toMatchObject({ unitId: id.province, expected: 2, registered: 2 });
  });

  it('attainment and pledges follow the parts, counting and checking only what came from the split district', async () => {
    h.setToday('2025-08-01');
    // Read as one under the stored district by the province (it sees both parts): the two communes that came from Đông Hưng.
    const read = (await ok(ATTAINMENT, { id: district, asOf: '2025-08-01' }, police)).campaign.attainment;
    expect(read.unitId).toBe(id.dh);
    const registration = read.targets.find((target: Data) => target.code === 'REGISTRATION');
    expect(registration).toMatchObject({ numerator: 2, denominator: 2, met: true, shortfall: { totalCount: 0 } });
    // Level units are the parts and the communes (a commune counts nothing below it here: no level figure).
    expect(registration.byLevel).toEqual(expect.arrayContaining([{ level: 'DISTRICT', units: 2, unitsMet: 2 }, { level: 'COMMUNE', units: 2, unitsMet: 0 }]));
    expect(registration.levelUnits.map((unit: Data) => [unit.unitId, unit.numerator, unit.denominator]).sort()).toEqual(
      [
        [id.dhBac, 1, 1],
        [id.qp, 1, 1],
      ].sort(),
    );
    // At the existing district that received one commune: its own Xã Quỳnh Hoa is not counted.
    // (Unit.attainment through the subgraph's entity resolver, as the gateway calls it.)
    const atQuynhPhu = await h.requestSubgraph<Data>(UNIT_ATTAINMENT, { r: [{ __typename: 'Unit', id: id.qp }], campaignId: district, asOf: '2025-08-01' }, police);
    expect(atQuynhPhu.errors).toBeUndefined();
    expect(atQuynhPhu.data?._entities[0].attainment).toMatchObject({ unitId: id.qp, targets: expect.arrayContaining([{ code: 'REGISTRATION', numerator: 1, denominator: 1 }]) });
    // A commune under a part reads at its own unit; the commune that never came from Đông Hưng is outside the campaign.
    const atDongLa = (await ok(ATTAINMENT, { id: district, asOf: '2025-08-01' }, dongLaOfficer)).campaign.attainment;
    expect(atDongLa.unitId).toBe(id.dongLa);
    const outside = await h.requestSubgraph<Data>(UNIT_ATTAINMENT, { r: [{ __typename: 'Unit', id: id.quynhHoa }], campaignId: district, asOf: '2025-08-01' }, police);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ reason: 'ATTAINMENT_UNIT_OUTSIDE_CAMPAIGN' });

    // Pledges: signed at Xã Đông Xá (came over to Quỳnh Phụ), refused at Xã Quỳnh Hoa, after the split.
    const pledge = { campaignId: district, signerKind: 'STAFF', fullName: 'Phạm Văn Hòa', birthYear: 1985, signedOn: '2025-07-20' };
    expect((await ok(SIGN, { input: { ...pledge, unitId: id.dongXa } }, police)).signPledge).toMatchObject({ unitId: id.dongXa });
    const refused = await h.request(SIGN, { input: { ...pledge, unitId: id.quynhHoa } }, police);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PLEDGE_UNIT_OUTSIDE_CAMPAIGN' });
  });
});
