import { randomUUID } from 'node:crypto';
import { type UnitState } from '@antt/unit-directory';
import { projectEffectiveModelFacts, projectRegistrations, projectWithdrawals } from '../../src/domain/facts';
import { type AssessmentsHarness, as, startHarness, tableCounts } from '../support/assessments-harness';
import { DECIDE_SAFE_STANDARD } from '../support/operations';
import { effectiveModelFact2024 } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

const RULE = `query($representations: [_Any!]!, $year: Int!) { _entities(representations: $representations) { ... on Unit { id communeSafetyRule(year: $year) {
  year asOf managedUnits registered recognised decided allRegistered recognisedPercent passes final hasEffectiveModel notRegistered { id } notRecognised { id } } } } }`;

/**
 * R7 derived, not typed in: a commune of 2024 with 12 residential areas and 5 local units in the standard's scope (plus a primary
 * school and a small enterprise, out of scope and not counted), all registered (campaigns' registration events as the facts
 * consumer projects them). One residential area fails on an incident; at 11/17 = 64.7% recognised the commune fails R7, one more
 * recognition lifts it to 12/17 = 70.6% and it passes; a withdrawn registration fails it again, naming the unit.
 */
describe('assessments: the derived commune rule (R7)', () => {
  let h: AssessmentsHarness;
  const id = { tb: randomUUID(), district: randomUUID(), commune: randomUUID(), outsiderCommune: randomUUID() };
  const areas = Array.from({ length: 12 }, () => randomUUID());
  const localUnits = Array.from({ length: 5 }, () => randomUUID());
  const primary = randomUUID();
  const smallEnterprise = randomUUID();
  const registrationOf = new Map<string, string>();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.commune);
  const outsider = as('ca@quangbinh', 'LEVEL_OFFICER', id.outsiderCommune);

  const unit = (unitId: string, code: string, kind: string, name: string, parentId: string | null, attributes = {}): UnitState => ({
    unitId,
    code,
    kind,
    revision: 1,
    dissolvedOn: null,
    timeline: [{ validFrom: '2019-01-01', validTo: null, name, parentId, managingUnitId: null, attributes }],
  });
  const rule = async (caller = commune) =>
    (await h.requestSubgraph<Data>(RULE, { representations: [{ __typename: 'Unit', id: id.commune }], year: 2024 }, caller)).data!._entities[0].communeSafetyRule;
  const decide = (unitId: string, outcome: 'ACHIEVED' | 'NOT_ACHIEVED', reason?: string) =>
    h.request<Data>(DECIDE_SAFE_STANDARD, { input: { unitId, year: 2024, outcome, decidedOn: '2024-12-05', decisionNumber: `QĐ-${unitId.slice(0, 4)}`, ...(reason ? { reason } : {}) } }, commune);

  beforeAll(async () => {
    h = await startHarness('2024-12-20');
    const kinds = ['AGENCY', 'AGENCY', 'ENTERPRISE', 'ENTERPRISE', 'SCHOOL'];
    await h.project([
      unit(id.tb, 'TB', 'PROVINCE', 'Tỉnh Thái Bình', null),
      unit(id.district, 'TB-VT', 'DISTRICT', 'Huyện Vũ Thư', id.tb),
      unit(id.commune, 'TB-VT-VH', 'COMMUNE', 'Xã Vũ Hội', id.district),
      unit(id.outsiderCommune, 'TB-VT-QB', 'COMMUNE', 'Xã Quang Bình', id.district),
      ...areas.map((areaId, index) => unit(areaId, `TB-VT-VH-${index + 1}`, 'RESIDENTIAL_AREA', `Thôn ${index + 1}`, id.commune)),
      ...localUnits.map((unitId, index) =>
        unit(unitId, `TB-VT-VH-U${index + 1}`, kinds[index]!, `Đơn vị ${index + 1}`, id.commune, kinds[index] === 'ENTERPRISE' ? { enterpriseSize: 'MEDIUM' } : kinds[index] === 'SCHOOL' ? { schoolLevel: 'LOWER_SECONDARY' } : {}),
      ),
      unit(primary, 'TB-VT-VH-TH', 'SCHOOL', 'Trường Tiểu học Vũ Hội', id.commune, { schoolLevel: 'PRIMARY' }),
      unit(smallEnterprise, 'TB-VT-VH-DN', 'ENTERPRISE', 'Công ty nhỏ', id.commune, { enterpriseSize: 'SMALL' }),
    ]);
    const campaignId = randomUUID();
    await h.prisma.$transaction(async (tx) => {
      await projectRegistrations(
        tx,
        [...areas, ...localUnits, primary].map((unitId) => {
          const registrationId = randomUUID();
          registrationOf.set(unitId, registrationId);
          return { registrationId, campaignId, unitId, unitKind: 'RESIDENTIAL_AREA' as const, forSafeStandard: true, forClassification: true, registeredOn: '2024-01-10', late: false, submittedByUnitId: id.commune };
        }),
      );
      await projectEffectiveModelFacts(tx, [effectiveModelFact2024(id.commune, true, { derivedOn: '2024-11-20' })]);
    });
  });
  afterAll(async () => h?.close());

  it('one area fails on a registered incident (R6: ACHIEVED is refused); 11/17 = 64.7% fails R7, one more recognition gives 12/17 = 70.6% and passes', async () => {
    for (const areaId of areas.slice(0, 11)) expect((await decide(areaId, 'ACHIEVED')).errors).toBeUndefined();
    const incident = await h.request<Data>(
      `mutation($input: RecordIncidentInput!) { recordIncident(input: $input) { id type typeLabel occurredOn unit { id } } }`,
      { input: { unitId: areas[11], type: 'SERIOUS_CRIME', occurredOn: '2024-06-14', description: 'Vụ cố ý gây thương tích nghiêm trọng' } },
      commune,
    );
    expect(incident.data!.recordIncident).toMatchObject({ type: 'SERIOUS_CRIME', typeLabel: 'Tội phạm nghiêm trọng trở lên', occurredOn: '2024-06-14', unit: { id: areas[11] } });
    const before = await tableCounts(h.prisma);
    const refused = await decide(areas[11]!, 'ACHIEVED');
    expect(await tableCounts(h.prisma)).toEqual(before);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RECOGNITION_CRITERION_FAILED', field: 'outcome', criterion: 'R6', incidentIds: [incident.data!.recordIncident.id] });
    expect((await decide(areas[11]!, 'NOT_ACHIEVED', 'Xảy ra vụ cố ý gây thương tích trong kỳ đánh giá (R6)')).errors).toBeUndefined();

    const failing = await rule();
    expect(failing).toMatchObject({ year: 2024, asOf: '2024-11-15', managedUnits: 17, registered: 17, recognised: 11, decided: 12, allRegistered: true, recognisedPercent: 64.7, passes: false, final: false, hasEffectiveModel: true });
    expect(failing.notRecognised.map((entry: Data) => entry.id).sort()).toEqual([areas[11]!, ...localUnits].sort());

    expect((await decide(localUnits[0]!, 'ACHIEVED')).errors).toBeUndefined();
    expect(await rule()).toMatchObject({ recognised: 12, recognisedPercent: 70.6, passes: true, final: false });

    for (const unitId of localUnits.slice(1)) expect((await decide(unitId, 'NOT_ACHIEVED', 'Chưa đủ hồ sơ')).errors).toBeUndefined();
    expect(await rule()).toMatchObject({ decided: 17, passes: true, final: true });
  });

  it('a withdrawn registration fails the 100% condition and names the unit; an outsider sees nothing', async () => {
    await h.prisma.$transaction((tx) =>
      projectWithdrawals(tx, [{ registrationId: registrationOf.get(areas[3]!)!, campaignId: randomUUID(), unitId: areas[3]!, unitKind: 'RESIDENTIAL_AREA', withdrawnOn: '2024-01-11', reason: 'Đăng ký nhầm' }]),
    );
    expect(await rule()).toMatchObject({ registered: 16, allRegistered: false, passes: false, notRegistered: [{ id: areas[3] }] });
    expect(await rule(outsider)).toBeNull();
  });
});
