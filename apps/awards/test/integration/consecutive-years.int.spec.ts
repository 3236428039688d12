import { randomUUID } from 'node:crypto';
import {
  CampaignLaunchedV1,
  ClassificationDecidedV1,
  type EventContract,
  RecognitionDecidedV1,
  UnitCreatedV1,
  UnitMergedV1,
  UnitReorganisedV1,
  UnitSplitV1,
} from '@antt/contracts';
import { type UnitState } from '@antt/unit-directory';
import { type AwardsHarness, answers } from '../support/awards-harness';
import { APPRAISE, COMPLETE_DOSSIER, COUNCIL, CREATE, DECIDE, ENTITIES, FORMS, RECEIVE, SET_SCHEME, SUBMIT } from '../support/operations';
import { waitForCount, type FactFedHarness, startFactFedHarness } from '../support/fact-events';
import { seedCallers, seedTree } from '../support/seed-tree';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers are checked field by field
type Data = any;

/**
 * Rules over years (R20's exception): the Prime Minister's certificate of merit needs a prior provincial chairman's certificate
 * (`AWARD_HELD`) and 5 consecutive years classified GOOD or better (`CONSECUTIVE_YEARS_GOOD`). Five years of assessments'
 * classifications and recognitions arrive as events through the real consumer; the prior certificates are awarded through the
 * workflow in a 2023 season. Communes: `steady` (GOOD or better 2020–2024, prior award), `gap` (2022 missing from the fact
 * store, prior award), `noPrior` (5 GOOD years, no award), `revoked` (safe 2022–2024, 2023's recognition revoked from 10/12/2024).
 * Lineage (docs/adr/0022), org-units' events into the directory, every hop dated 01/01/2024 unless said: `reclassified` (GOOD
 * 2020–2023, safe 2022–2023) reclassified WHOLE into the new `ward` (GOOD and safe 2024, a provincial certificate in 2024);
 * `chain`: a commune (GOOD 2020–2021) merged alone into a new commune on 01/01/2022 (GOOD 2022–2023), replaced on 01/07/2023
 * by a new one (AVERAGE 2023, GOOD 2024); `mergedA` and `mergedB` (GOOD 2020–2023) merged into the new `merged` (GOOD 2024);
 * `split` (GOOD 2020–2023) split into the new `partA` and `partB` (GOOD 2024); `absorbed` (GOOD 2020–2023) merged WHOLE into
 * the existing `host` (GOOD 2024).
 */
describe('awards: rules over a unit’s years — consecutive GOOD and safe years, the Prime Minister’s certificate (R20)', () => {
  const { id, commune, states } = seedTree(4);
  const { police, vuThu, board } = seedCallers(id);
  const [steady, gap, noPrior, revoked] = commune as [string, string, string, string];
  const season = { y2023: randomUUID(), y2024: randomUUID() };
  const PM = 'PRIME_MINISTER_CERTIFICATE';
  const PRIOR = { name: 'đã được tặng Bằng khen của Chủ tịch UBND tỉnh', fact: 'AWARD_HELD', op: 'IN', value: '["CERTIFICATE_OF_MERIT"]' };
  const FIVE_GOOD = { name: '05 năm liên tục xếp loại Khá trở lên', fact: 'CONSECUTIVE_YEARS_GOOD', op: 'GTE', value: '5' };
  const THREE_SAFE = { name: '03 năm liên tục đạt chuẩn an toàn về ANTT', fact: 'CONSECUTIVE_YEARS_SAFE', op: 'GTE', value: '3' };
  const priorAward = new Map<string, string>();
  let h: AwardsHarness;
  let feed: FactFedHarness;
  const { ok } = answers(() => h, vuThu);
  const lineage = {
    reclassified: randomUUID(),
    ward: randomUUID(),
    chain: [randomUUID(), randomUUID(), randomUUID()] as const,
    mergedA: randomUUID(),
    mergedB: randomUUID(),
    merged: randomUUID(),
    split: randomUUID(),
    partA: randomUUID(),
    partB: randomUUID(),
    absorbed: randomUUID(),
    host: randomUUID(),
  };

  const publish = (contract: EventContract, key: string, data: Record<string, unknown>) => feed.publish(contract, key, data);
  const decision = (year: number) => ({ campaignId: null, decidingUnitId: id.vt, decisionNumber: `${year}/QĐ-UBND`, revision: 1 });
  const classify = (unitId: string, year: number, classification: string) =>
    publish(ClassificationDecidedV1, unitId, { ...decision(year), unitId, unitKind: 'COMMUNE', year, classification, score: null, ruleSetVersion: 'QD510-2022', decidedOn: `${year}-11-20` });
  const recognise = (unitId: string, year: number, revokedOn: string | null = null) =>
    publish(RecognitionDecidedV1, unitId, {
      ...decision(year),
      unitId,
      unitKind: 'COMMUNE',
      year,
      status: revokedOn ? 'REVOKED' : 'RECOGNISED',
      decidedOn: revokedOn ?? `${year}-11-25`,
      recognisedOn: `${year}-11-25`,
      revokedOn,
      reason: revokedOn ? 'Để xảy ra vụ việc phức tạp về ANTT sau khi công nhận' : null,
    });
  const launch = (campaignId: string, year: number) =>
    publish(CampaignLaunchedV1, campaignId, {
      campaignId,
      parentCampaignId: null,
      title: `Kế hoạch phát động phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Thái Bình năm ${year}`,
      legalBases: ['Thông tư 124/2021/TT-BCA'],
      ownerUnitId: id.tb,
      scopeUnitId: id.tb,
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      launchedOn: `${year}-01-05`,
      deadlines: [],
      targets: [],
    });
  const NO_ATTRIBUTES = { enterpriseSize: null, schoolLevel: null, armedForces: null, residentHouseholds: null, staffCount: null };
  /** A state as org-units publishes it in `contract` (checked against its payload), for the directory. */
  const published = (contract: EventContract, state: UnitState): UnitState => contract.payload.parse(state) as UnitState;
  /** A commune under Vũ Thư created on `on` (its `created` event), or existing since 2019 when `on` is 2019-01-01. */
  const created = (unitId: string, code: string, name: string, on: string) =>
    published(UnitCreatedV1, {
      unitId,
      code,
      kind: 'COMMUNE',
      revision: 1,
      dissolvedOn: null,
      effectiveDate: on,
      change: {},
      timeline: [{ validFrom: on, validTo: null, name, parentId: id.vt, managingUnitId: null, attributes: NO_ATTRIBUTES }],
    });
  /** A commune under Vũ Thư since 2019 that ends on `on` through `contract`'s `change`. */
  const ended = (contract: EventContract, unitId: string, code: string, on: string, change: Record<string, unknown>, since = '2019-01-01') =>
    published(contract, {
      unitId,
      code,
      kind: 'COMMUNE',
      revision: 2,
      dissolvedOn: on,
      effectiveDate: on,
      change,
      timeline: [{ validFrom: since, validTo: on, name: `Xã ${code}`, parentId: id.vt, managingUnitId: null, attributes: NO_ATTRIBUTES }],
    });
  const plan = (changes: string[], successorIds: string[]) => ({ planId: randomUUID(), planName: 'Sắp xếp đơn vị hành chính', legalBasis: 'Nghị quyết của UBTVQH', changes, successorIds });
  const ON = '2024-01-01';
  const [chain0, chain1, chain2] = lineage.chain;
  const lineageStates = [
    ended(UnitReorganisedV1, lineage.reclassified, 'TB-VT-RC', ON, plan(['reclassified'], [lineage.ward])),
    created(lineage.ward, 'TB-VT-P1', 'Phường Vũ Thư', ON),
    ended(UnitMergedV1, chain0, 'TB-VT-C0', '2022-01-01', { intoUnitId: chain1 }),
    created(chain1, 'TB-VT-C1', 'Xã C1', '2022-01-01'),
    ended(UnitReorganisedV1, chain1, 'TB-VT-C1', '2023-07-01', plan(['merged'], [chain2]), '2022-01-01'),
    created(chain2, 'TB-VT-C2', 'Xã C2', '2023-07-01'),
    ended(UnitMergedV1, lineage.mergedA, 'TB-VT-MA', ON, { intoUnitId: lineage.merged }),
    ended(UnitMergedV1, lineage.mergedB, 'TB-VT-MB', ON, { intoUnitId: lineage.merged }),
    created(lineage.merged, 'TB-VT-M', 'Xã Hợp Nhất', ON),
    ended(UnitSplitV1, lineage.split, 'TB-VT-S', ON, { intoUnitIds: [lineage.partA, lineage.partB] }),
    created(lineage.partA, 'TB-VT-SA', 'Xã Tách A', ON),
    created(lineage.partB, 'TB-VT-SB', 'Xã Tách B', ON),
    created(lineage.host, 'TB-VT-H', 'Xã Tiếp Nhận', '2019-01-01'),
    ended(UnitMergedV1, lineage.absorbed, 'TB-VT-AB', ON, { intoUnitId: lineage.host }),
  ];
  /** GOOD classifications of the lineage units (the chain's newest is AVERAGE in 2023, the year of its hop). */
  const lineageGood: Array<[string, number[]]> = [
    [lineage.reclassified, [2020, 2021, 2022, 2023]],
    [lineage.ward, [2024]],
    [chain0, [2020, 2021]],
    [chain1, [2022, 2023]],
    [chain2, [2024]],
    [lineage.mergedA, [2020, 2021, 2022, 2023]],
    [lineage.mergedB, [2020, 2021, 2022, 2023]],
    [lineage.merged, [2024]],
    [lineage.split, [2020, 2021, 2022, 2023]],
    [lineage.partA, [2024]],
    [lineage.partB, [2024]],
    [lineage.absorbed, [2020, 2021, 2022, 2023]],
    [lineage.host, [2024]],
  ];
  /** Each unit's eligibility per form for the 2024 scheme on the harness's today, as the provincial police reads it. */
  const eligibility = async (unitIds: readonly string[]) => {
    const response = await h.requestSubgraph<Data>(ENTITIES, { campaignId: season.y2024, reps: unitIds.map((unitId) => ({ __typename: 'Unit', id: unitId })) }, police);
    expect(response.errors).toBeUndefined();
    return new Map<string, Record<string, Data>>(
      response.data._entities.map((unit: Data) => [unit.id, Object.fromEntries(unit.eligibility.map((form: Data) => [form.formCode, { eligible: form.eligible, failed: form.failed }]))]),
    );
  };
  /** A nomination through the workflow up to the council's review; returns the submitted nomination. */
  const nominate = async (campaignId: string, formCode: string, unitId: string, legalGround: string) => {
    const created = await ok(CREATE, { input: { campaignId, formCode, unitId, legalGround, achievement: 'Hoàn thành xuất sắc phong trào nhiều năm liền', dossier: COMPLETE_DOSSIER } });
    const submitted = (await ok(SUBMIT, { id: created.createNomination.id })).submitNomination;
    await ok(RECEIVE, { id: submitted.id }, police);
    await ok(APPRAISE, { id: submitted.id, eligible: submitted.eligibility.eligible, reason: submitted.eligibility.eligible ? null : 'Không đủ điều kiện' }, board);
    await ok(COUNCIL, { id: submitted.id }, board);
    return submitted;
  };

  beforeAll(async () => {
    feed = await startFactFedHarness('2023-12-20');
    h = feed.harness;
    await h.project([...states, ...lineageStates]);
    await launch(season.y2023, 2023);
    await launch(season.y2024, 2024);
    let classifications = 0;
    for (const year of [2020, 2021, 2022, 2023, 2024]) {
      for (const unitId of [steady, gap, noPrior]) {
        if (unitId === gap && year === 2022) continue;
        await classify(unitId, year, unitId === steady && year === 2021 ? 'EXCELLENT' : 'GOOD');
        classifications += 1;
      }
      await recognise(steady, year);
    }
    for (const [unitId, years] of lineageGood) {
      for (const year of years) {
        await classify(unitId, year, 'GOOD');
        classifications += 1;
      }
    }
    await classify(chain2, 2023, 'AVERAGE');
    classifications += 1;
    await recognise(lineage.reclassified, 2022);
    await recognise(lineage.reclassified, 2023);
    await recognise(lineage.ward, 2024);
    await recognise(revoked, 2022);
    await recognise(revoked, 2023, '2024-12-10');
    await recognise(revoked, 2024);
    for (const unitId of commune) {
      await feed.registerCommune(season.y2024, unitId, id.vt);
    }
    await waitForCount(h.prisma, 'SELECT count(*) AS n FROM campaign_fact', 2);
    await waitForCount(h.prisma, 'SELECT count(*) AS n FROM classification_fact', classifications);
    await waitForCount(h.prisma, 'SELECT count(*) AS n FROM recognition_fact', 11);
    await waitForCount(h.prisma, 'SELECT count(*) AS n FROM registration_fact', commune.length);

    // The 2023 season: the provincial chairman's certificate of merit for `steady` and `gap`, decided on 20/12/2023.
    const GOOD_2023 = { name: 'classification ≥ GOOD', fact: 'CLASSIFICATION_RANK', op: 'GTE', value: '3' };
    await ok(SET_SCHEME, { input: { campaignId: season.y2023, forms: [{ formCode: 'CERTIFICATE_OF_MERIT', quota: 5, collectiveConditions: [GOOD_2023] }] } }, police);
    for (const unitId of [steady, gap]) {
      const submitted = await nominate(season.y2023, 'CERTIFICATE_OF_MERIT', unitId, 'LTDKT2022-D76');
      const decided = (await ok(DECIDE, { input: { id: submitted.id, decisionNumber: '990/QĐ-UBND', decidedOn: '2023-12-20', authority: 'Chủ tịch Ủy ban nhân dân tỉnh' } }, board)).decideNomination;
      expect(decided.status).toBe('DECIDED');
      priorAward.set(unitId, submitted.id);
    }

    h.setToday('2024-12-20');
    const forms = [
      { formCode: PM, quota: 2, collectiveConditions: [PRIOR, FIVE_GOOD] },
      { formCode: 'CERTIFICATE_POLICE_DIRECTOR', quota: null, collectiveConditions: [THREE_SAFE] },
      { formCode: 'CERTIFICATE_OF_MERIT', quota: null, collectiveConditions: [GOOD_2023] },
    ];
    await ok(SET_SCHEME, { input: { campaignId: season.y2024, forms } }, police);
    // The ward's own provincial certificate (2024 season, decided 20/12/2024): the PM certificate's prerequisite is its own.
    const wardMerit = await nominate(season.y2024, 'CERTIFICATE_OF_MERIT', lineage.ward, 'LTDKT2022-D76');
    const wardDecided = (await ok(DECIDE, { input: { id: wardMerit.id, decisionNumber: '1200/QĐ-UBND', decidedOn: '2024-12-20', authority: 'Chủ tịch Ủy ban nhân dân tỉnh' } }, board)).decideNomination;
    expect(wardDecided.status).toBe('DECIDED');
  }, 180_000);

  afterAll(async () => {
    await feed?.close();
  });

  it('serves the Prime Minister’s certificate from the catalogue, before and after 01/07/2025', async () => {
    for (const on of ['2024-12-31', '2025-07-01']) {
      const form = (await ok(FORMS, { on })).awardForms.find((f: Data) => f.code === PM);
      expect(form).toMatchObject({ name: 'Bằng khen của Thủ tướng Chính phủ', issuingAuthority: 'Thủ tướng Chính phủ', recipientKinds: ['COLLECTIVE', 'HOUSEHOLD', 'INDIVIDUAL'], bonusMultiple: 1.5 });
    }
  });

  it('admits a commune with 5 consecutive GOOD years and a prior provincial certificate; names the gap year and the missing award', async () => {
    const facts = await eligibility([steady, gap, noPrior]);
    expect(facts.get(steady)![PM]).toEqual({ eligible: true, failed: [] });
    expect(facts.get(gap)![PM]).toEqual({ eligible: false, failed: [{ name: FIVE_GOOD.name, fact: 'CONSECUTIVE_YEARS_GOOD', actual: '2' }] });
    expect(facts.get(noPrior)![PM]).toEqual({ eligible: false, failed: [{ name: PRIOR.name, fact: 'AWARD_HELD', actual: null }] });
  });

  it('stores the same outcome on submission and records the prior certificate the decision relied on (R26)', async () => {
    const steadyPm = await nominate(season.y2024, PM, steady, 'LTDKT2022-D71');
    const gapPm = await nominate(season.y2024, PM, gap, 'LTDKT2022-D71');
    const noPriorPm = await nominate(season.y2024, PM, noPrior, 'LTDKT2022-D71');
    expect(steadyPm.eligibility).toEqual({ eligible: true, stage: 'SUBMISSION', failed: [] });
    expect(gapPm.eligibility).toEqual({ eligible: false, stage: 'SUBMISSION', failed: [{ name: FIVE_GOOD.name, fact: 'CONSECUTIVE_YEARS_GOOD', actual: '2' }] });
    expect(noPriorPm.eligibility).toEqual({ eligible: false, stage: 'SUBMISSION', failed: [{ name: PRIOR.name, fact: 'AWARD_HELD', actual: null }] });
    const decided = (await ok(DECIDE, { input: { id: steadyPm.id, decisionNumber: '15/QĐ-TTg', decidedOn: '2024-12-20', authority: 'Thủ tướng Chính phủ' } }, board)).decideNomination;
    expect(decided).toMatchObject({ status: 'DECIDED', eligibility: { eligible: true, stage: 'DECISION', failed: [] } });
    expect((await h.prisma.nomination.findUnique({ where: { id: steadyPm.id } }))!.dependsOn).toEqual([priorAward.get(steady)]);
  });

  it('counts consecutive safe years as of the evaluation date: a revoked recognition breaks the run from its revocation', async () => {
    h.setToday('2024-12-09');
    try {
      const before = await eligibility([steady, revoked, noPrior]);
      expect(before.get(steady)!.CERTIFICATE_POLICE_DIRECTOR).toEqual({ eligible: true, failed: [] });
      expect(before.get(revoked)!.CERTIFICATE_POLICE_DIRECTOR).toEqual({ eligible: true, failed: [] });
      expect(before.get(noPrior)!.CERTIFICATE_POLICE_DIRECTOR).toEqual({ eligible: false, failed: [{ name: THREE_SAFE.name, fact: 'CONSECUTIVE_YEARS_SAFE', actual: '0' }] });
      h.setToday('2024-12-10');
      const after = await eligibility([steady, revoked]);
      expect(after.get(steady)!.CERTIFICATE_POLICE_DIRECTOR).toEqual({ eligible: true, failed: [] });
      expect(after.get(revoked)!.CERTIFICATE_POLICE_DIRECTOR).toEqual({ eligible: false, failed: [{ name: THREE_SAFE.name, fact: 'CONSECUTIVE_YEARS_SAFE', actual: '1' }] });
    } finally {
      h.setToday('2024-12-20');
    }
  });

  it('counts classifications only from their decision: before 20/11/2024 the campaign’s own year is not reached', async () => {
    h.setToday('2024-11-19');
    try {
      expect((await eligibility([steady])).get(steady)![PM]).toEqual({ eligible: false, failed: [{ name: FIVE_GOOD.name, fact: 'CONSECUTIVE_YEARS_GOOD', actual: '0' }] });
    } finally {
      h.setToday('2024-12-20');
    }
  });

  it('carries the years of the units a unit continues 1:1 (a reclassification, a replacement, over generations): the PM certificate for the ward', async () => {
    const facts = await eligibility([lineage.ward, chain2]);
    // The commune's GOOD 2020–2023 and the ward's 2024: 5 years; safe 2022–2023 and 2024: 3 years.
    expect(facts.get(lineage.ward)![PM]).toEqual({ eligible: true, failed: [] });
    expect(facts.get(lineage.ward)!.CERTIFICATE_POLICE_DIRECTOR).toEqual({ eligible: true, failed: [] });
    // Two hops back (2022 and mid-2023); 2023 counts from the predecessor's GOOD although the successor's is AVERAGE.
    expect(facts.get(chain2)![PM]).toEqual({ eligible: false, failed: [{ name: PRIOR.name, fact: 'AWARD_HELD', actual: null }] });
  });

  it('carries no years through a merger of several units, a merger into an existing unit or a partial share', async () => {
    const facts = await eligibility([lineage.merged, lineage.partA, lineage.partB, lineage.host]);
    const ownYearOnly = { eligible: false, failed: [{ name: PRIOR.name, fact: 'AWARD_HELD', actual: null }, { name: FIVE_GOOD.name, fact: 'CONSECUTIVE_YEARS_GOOD', actual: '1' }] };
    for (const unitId of [lineage.merged, lineage.partA, lineage.partB, lineage.host]) expect(facts.get(unitId)![PM]).toEqual(ownYearOnly);
  });
});
