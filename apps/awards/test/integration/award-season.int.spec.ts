import { randomUUID } from 'node:crypto';
import {
  AdvancedExampleRecognisedV1,
  AwardRevokedV1,
  EffectiveModelChangedV1,
  ClassificationDecidedV1,
  type EventContract,
  NominationDecidedV1,
  NominationRejectedV1,
  NominationReturnedV1,
  NominationSubmittedV1,
  RecognitionDecidedV1,
} from '@antt/contracts';
import { type AwardsHarness, answers, as, tableCounts } from '../support/awards-harness';
import { APPRAISE, COMPLETE_DOSSIER, COUNCIL, CREATE, DECIDE, ENTITIES, FORMS, NOMINATION_QUERY, RECEIVE, RETURN, SET_SCHEME, SUBMIT } from '../support/operations';
import { type FactFedHarness, startFactFedHarness } from '../support/fact-events';
import { seedCallers, seedTree } from '../support/seed-tree';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers are checked field by field
type Data = any;

/**
 * Thái Bình's 2024 award season on the real broker and database, through the gateway: the campaign, the registrations and
 * assessments' recognitions and classifications are published as contract-valid events on isolated topics by a real producer
 * (the stand-ins of campaigns and assessments); awards learns them only through its fact store consumer. 52 communes of Vũ Thư
 * are nominated for the provincial chairman's certificate of merit (15 places): one is classified AVERAGE, one not recognised.
 */
describe('award season: schemes, eligibility from events, workflow, atomic quota', () => {
  const COMMUNES = 52;
  const { id, commune, states } = seedTree(COMMUNES);
  const { police, vuThu, board } = seedCallers(id);
  const campaignId = randomUUID();
  const average = commune[0]!;
  const unrecognised = commune[1]!;
  const nominations = new Map<string, string>();
  let h: AwardsHarness;
  let feed: FactFedHarness;

  const { ok, refused } = answers(() => h, vuThu);

  const publish = (contract: EventContract, key: string, data: Record<string, unknown>) => feed.publish(contract, key, data);
  const until = (sql: string, expected: number) => feed.until(sql, expected);
  const decision = { campaignId, decidingUnitId: id.vt, decisionNumber: '125/QĐ-UBND', revision: 1 };

  beforeAll(async () => {
    feed = await startFactFedHarness('2024-12-01');
    h = feed.harness;
    await h.project(states);
    await feed.launchCampaign(campaignId, id.tb);
    for (const unitId of [...commune, id.qb]) {
      await feed.registerCommune(campaignId, unitId, id.vt);
      const recognised = unitId !== unrecognised;
      await publish(RecognitionDecidedV1, unitId, {
        ...decision,
        unitId,
        unitKind: 'COMMUNE',
        year: 2024,
        status: recognised ? 'RECOGNISED' : 'NOT_RECOGNISED',
        decidedOn: '2024-11-25',
        recognisedOn: recognised ? '2024-11-25' : null,
        revokedOn: null,
        reason: recognised ? null : 'Để xảy ra vụ việc phức tạp về ANTT',
      });
      await publish(ClassificationDecidedV1, unitId, {
        ...decision,
        unitId,
        unitKind: 'COMMUNE',
        year: 2024,
        classification: unitId === average ? 'AVERAGE' : 'GOOD',
        score: unitId === average ? 65 : 85,
        ruleSetVersion: 'QD510-2022',
        decidedOn: '2024-11-20',
      });
    }
    await until('SELECT count(*) AS n FROM campaign_fact', 1);
    await until('SELECT count(*) AS n FROM registration_fact', COMMUNES + 1);
    await until('SELECT count(*) AS n FROM recognition_fact', COMMUNES + 1);
    await until('SELECT count(*) AS n FROM classification_fact', COMMUNES + 1);
  }, 180_000);

  afterAll(async () => {
    await feed?.close();
  });

  it('serves the forms in force on a date: the district chairman’s certificate only before 01/07/2025', async () => {
    const before = (await ok(FORMS, { on: '2024-12-31' })).awardForms.map((f: Data) => f.code);
    const after = (await ok(FORMS, { on: '2025-07-01' })).awardForms.map((f: Data) => f.code);
    expect(before).toContain('CERTIFICATE_DISTRICT_CHAIRMAN');
    expect(after).not.toContain('CERTIFICATE_DISTRICT_CHAIRMAN');
    expect(after).toContain('CERTIFICATE_COMMUNE_CHAIRMAN');
  });

  it('lets the provincial police set a versioned scheme with quotas and rules as data', async () => {
    const conditions = [
      { name: 'đạt chuẩn an toàn về ANTT (safe standard)', fact: 'SAFE_STANDARD', op: 'EQ', value: 'true' },
      { name: 'classification ≥ GOOD', fact: 'CLASSIFICATION_RANK', op: 'GTE', value: '3' },
      { name: 'registered in the campaign', fact: 'REGISTERED', op: 'EQ', value: 'true' },
    ];
    const bad = await refused(SET_SCHEME, { input: { campaignId, forms: [{ formCode: 'CERTIFICATE_OF_MERIT', quota: 15, collectiveConditions: [{ ...conditions[1], value: '7' }] }] } }, police);
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CONDITION', field: 'input.forms[0].collectiveConditions[0].value' });
    const first = await ok(SET_SCHEME, { input: { campaignId, forms: [{ formCode: 'CERTIFICATE_OF_MERIT', quota: 10, collectiveConditions: conditions }] } }, police);
    expect(first.setAwardScheme.version).toBe(1);
    const scheme = await ok(
      SET_SCHEME,
      {
        input: {
          campaignId,
          forms: [
            { formCode: 'CERTIFICATE_OF_MERIT', quota: 15, collectiveConditions: conditions },
            { formCode: 'EMULATION_FLAG', quota: 2, collectiveConditions: conditions },
          ],
        },
      },
      police,
    );
    expect(scheme.setAwardScheme).toMatchObject({ version: 2, forms: [{ form: { code: 'CERTIFICATE_OF_MERIT', bonusMultiple: 1 }, quota: 15, used: 0 }, { form: { code: 'EMULATION_FLAG' }, quota: 2 }] });
    expect(scheme.setAwardScheme.forms[0].collectiveConditions[1]).toEqual({ name: 'classification ≥ GOOD', fact: 'CLASSIFICATION_RANK', op: 'GTE', value: '3' });
    const denied = await h.request<Data>(SET_SCHEME, { input: { campaignId, forms: [] } }, vuThu);
    expect(denied.errors![0]!.extensions).toMatchObject({ reason: 'ROLE_REQUIRED' });
  });

  it('nominates every commune, evaluates eligibility from the assessment events at submission and names each failed condition', async () => {
    for (const unitId of commune) {
      const created = await ok(CREATE, {
        input: { campaignId, formCode: 'CERTIFICATE_OF_MERIT', unitId, legalGround: 'LTDKT2022-D76', achievement: 'Hoàn thành xuất sắc phong trào năm 2024', dossier: COMPLETE_DOSSIER },
      });
      expect(created.createNomination).toMatchObject({ status: 'DRAFT', dossier: { complete: true } });
      const submitted = await ok(SUBMIT, { id: created.createNomination.id });
      nominations.set(unitId, submitted.submitNomination.id);
    }
    const read = async (unitId: string) => (await ok(NOMINATION_QUERY, { id: nominations.get(unitId) })).nomination;
    expect((await read(average)).eligibility).toEqual({ eligible: false, stage: 'SUBMISSION', failed: [{ name: 'classification ≥ GOOD', fact: 'CLASSIFICATION_RANK', actual: 'AVERAGE' }] });
    expect((await read(unrecognised)).eligibility).toEqual({
      eligible: false,
      stage: 'SUBMISSION',
      failed: [{ name: 'đạt chuẩn an toàn về ANTT (safe standard)', fact: 'SAFE_STANDARD', actual: 'NOT_RECOGNISED' }],
    });
    expect((await read(commune[2]!)).eligibility).toEqual({ eligible: true, stage: 'SUBMISSION', failed: [] });
    expect(await h.prisma.outboxEvent.count({ where: { type: NominationSubmittedV1.fullType } })).toBe(COMMUNES);
    const report = await ok(`query($id: ID!) { eligibilityReport(campaignId: $id) { evaluated eligible ineligible failedByCondition { name count } } }`, { id: campaignId }, police);
    expect(report.eligibilityReport).toEqual({
      evaluated: COMMUNES,
      eligible: COMMUNES - 2,
      ineligible: 2,
      failedByCondition: [
        { name: 'classification ≥ GOOD', count: 1 },
        { name: 'đạt chuẩn an toàn về ANTT (safe standard)', count: 1 },
      ],
    });
  }, 120_000);

  it('refuses bad input with stable codes and writes nothing', async () => {
    const before = await tableCounts(h.prisma);
    const outside = await refused(CREATE, { input: { campaignId, formCode: 'CERTIFICATE_OF_MERIT', unitId: id.qb, legalGround: 'LTDKT2022-D76', achievement: 'x', dossier: COMPLETE_DOSSIER } });
    expect(outside).toMatchObject({ code: 'NOT_FOUND', reason: 'AWARD_UNIT_NOT_FOUND', field: 'input.unitId' });
    const second = await refused(CREATE, { input: { campaignId, formCode: 'EMULATION_FLAG', unitId: commune[3], legalGround: 'LTDKT2022-D27', achievement: 'Hoàn thành xuất sắc phong trào năm 2024', dossier: COMPLETE_DOSSIER } });
    expect(second).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE_NOMINATION' });
    const ground = await refused(CREATE, { input: { campaignId, formCode: 'EMULATION_FLAG', unitId: id.vt, legalGround: 'LTDKT2022-D76', achievement: 'x', dossier: COMPLETE_DOSSIER } });
    expect(ground).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AWARD_LEGAL_GROUND_UNKNOWN', field: 'input.legalGround' });
    const notAppraised = await refused(DECIDE, { input: { id: nominations.get(commune[2]!), decisionNumber: '1/QĐ-UBND', decidedOn: '2024-12-20', authority: 'Chủ tịch UBND tỉnh' } }, board);
    expect(notAppraised).toMatchObject({ code: 'CONFLICT', reason: 'NOMINATION_NOT_APPRAISED' });
    const badId = await refused(SUBMIT, { id: 'not-an-id' });
    expect(badId).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await tableCounts(h.prisma)).toEqual(before);

    // An incomplete dossier does not move up (R27): a draft without council minutes stays a draft.
    const draft = await ok(CREATE, {
      input: { campaignId, formCode: 'EMULATION_FLAG', unitId: id.vt, legalGround: 'LTDKT2022-D27', achievement: 'Dẫn đầu phong trào', dossier: { ...COMPLETE_DOSSIER, councilMinutesRef: null, evidenceRefs: [] } },
    });
    const afterDraft = await tableCounts(h.prisma);
    const incomplete = await refused(SUBMIT, { id: draft.createNomination.id });
    expect(incomplete).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DOSSIER_INCOMPLETE', field: 'dossier.councilMinutesRef', missing: ['councilMinutesRef', 'evidenceRefs'] });
    expect(await tableCounts(h.prisma)).toEqual(afterDraft);
  });

  it('returns with a reason, resubmits, and audits every move (R30)', async () => {
    const nominationId = nominations.get(commune[2]!)!;
    await ok(RECEIVE, { id: nominationId }, police);
    const returned = await ok(RETURN, { id: nominationId, reason: 'Bổ sung báo cáo thành tích' }, police);
    expect(returned.returnNomination).toMatchObject({ status: 'RETURNED', statusLabel: 'Trả lại', closingReason: 'Bổ sung báo cáo thành tích' });
    const labels = (await ok(`{ awardLabels { enum value label } }`, {})).awardLabels;
    expect(labels).toContainEqual({ enum: 'NominationStatus', value: 'DECIDED', label: 'Đã quyết định khen thưởng' });
    const again = await ok(SUBMIT, { id: nominationId });
    expect(again.submitNomination.history).toEqual([
      { fromStatus: null, toStatus: 'DRAFT', actor: 'bcd138@vt', reason: null },
      { fromStatus: 'DRAFT', toStatus: 'SUBMITTED', actor: 'bcd138@vt', reason: null },
      { fromStatus: 'SUBMITTED', toStatus: 'RECEIVED', actor: 'pv05@tb', reason: null },
      { fromStatus: 'RECEIVED', toStatus: 'RETURNED', actor: 'pv05@tb', reason: 'Bổ sung báo cáo thành tích' },
      { fromStatus: 'RETURNED', toStatus: 'SUBMITTED', actor: 'bcd138@vt', reason: null },
    ]);
    expect(await h.prisma.outboxEvent.count({ where: { type: NominationReturnedV1.fullType, aggregateId: nominationId } })).toBe(1);
  });

  it('decides 50 concurrent approvals for 15 places: exactly 15 decided; the ineligible are rejected naming the failed condition', async () => {
    h.setToday('2024-12-20');
    for (const unitId of commune) {
      const nominationId = nominations.get(unitId)!;
      await ok(RECEIVE, { id: nominationId }, police);
      await ok(APPRAISE, { id: nominationId, eligible: true }, board);
      await ok(COUNCIL, { id: nominationId }, board);
    }
    const decide = (unitId: string, n: number) =>
      h.request<Data>(DECIDE, { input: { id: nominations.get(unitId), decisionNumber: `${3000 + n}/QĐ-UBND`, decidedOn: '2024-12-20', authority: 'Chủ tịch Ủy ban nhân dân tỉnh' } }, board);

    const rejected = await decide(average, 0);
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data.decideNomination).toMatchObject({ status: 'REJECTED', eligibility: { eligible: false, stage: 'DECISION', failed: [{ name: 'classification ≥ GOOD', actual: 'AVERAGE' }] } });

    const eligible = commune.filter((unitId) => unitId !== average && unitId !== unrecognised);
    expect(eligible).toHaveLength(50);
    const results = await Promise.all(eligible.map((unitId, n) => decide(unitId, n + 1)));
    const decided = results.filter((r) => r.data?.decideNomination?.status === 'DECIDED');
    const exhausted = results.filter((r) => r.errors?.[0]?.extensions?.reason === 'QUOTA_EXHAUSTED');
    expect(decided).toHaveLength(15);
    expect(exhausted).toHaveLength(35);
    expect(await h.prisma.nomination.count({ where: { campaignId, status: 'DECIDED' } })).toBe(15);
    expect(await h.prisma.awardQuotaUse.findFirst({ where: { campaignId, formCode: 'CERTIFICATE_OF_MERIT' } })).toMatchObject({ used: 15 });
    expect(await h.prisma.outboxEvent.count({ where: { type: NominationDecidedV1.fullType } })).toBe(15);
    expect(await h.prisma.outboxEvent.count({ where: { type: NominationRejectedV1.fullType } })).toBe(1);
  }, 180_000);

  it('joins Unit.awards, Unit.eligibility and Campaign.awardSummary by key', async () => {
    const awardedNominationId = (await h.prisma.nomination.findFirst({ where: { campaignId, status: 'DECIDED' } }))!;
    const response = await h.requestSubgraph<Data>(
      ENTITIES,
      {
        campaignId,
        reps: [
          { __typename: 'Unit', id: awardedNominationId.unitId },
          { __typename: 'Unit', id: unrecognised },
          { __typename: 'Campaign', id: campaignId },
        ],
      },
      police,
    );
    expect(response.errors).toBeUndefined();
    const [awarded, failing, campaign] = response.data._entities;
    expect(awarded.awards).toEqual([{ id: awardedNominationId.id, formCode: 'CERTIFICATE_OF_MERIT', decisionNumber: awardedNominationId.decisionNumber }]);
    expect(failing.awards).toEqual([]);
    expect(failing.eligibility).toEqual([
      { formCode: 'CERTIFICATE_OF_MERIT', eligible: false, failed: [{ name: 'đạt chuẩn an toàn về ANTT (safe standard)', fact: 'SAFE_STANDARD', actual: 'NOT_RECOGNISED' }] },
      { formCode: 'EMULATION_FLAG', eligible: false, failed: [{ name: 'đạt chuẩn an toàn về ANTT (safe standard)', fact: 'SAFE_STANDARD', actual: 'NOT_RECOGNISED' }] },
    ]);
    expect(campaign.awardSummary).toEqual({
      campaignId,
      nominations: COMMUNES + 1,
      forms: [
        { formCode: 'CERTIFICATE_OF_MERIT', quota: 15, decided: 15, pending: 36, rejected: 1 },
        { formCode: 'EMULATION_FLAG', quota: 2, decided: 0, pending: 1, rejected: 0 },
      ],
    });
    // Outside the jurisdiction: nothing.
    const outsider = await h.requestSubgraph<Data>(ENTITIES, { campaignId, reps: [{ __typename: 'Unit', id: awardedNominationId.unitId }] }, as('bcd138@kx', 'LEVEL_OFFICER', id.kx));
    expect(outsider.data._entities[0]).toEqual({ id: awardedNominationId.unitId, awards: [], eligibility: [] });
  });

  it('publishes the campaign’s awards to external agencies with what the decision publishes only (R31), and exports certificate data', async () => {
    const agency = as('thanh-tra@tb', 'EXTERNAL_READER', id.tb);
    const published = (
      await ok(`query($id: ID!) { publishedAwards(campaignId: $id) { id unit { id } formCode formName decisionNumber decidedOn authority status revokedOn revocationDecision } }`, { id: campaignId }, agency)
    ).publishedAwards;
    expect(published).toHaveLength(15);
    expect(Object.keys(published[0]).sort()).toEqual(['authority', 'decidedOn', 'decisionNumber', 'formCode', 'formName', 'id', 'revocationDecision', 'revokedOn', 'status', 'unit']);
    expect(published[0]).toMatchObject({ formName: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', decidedOn: '2024-12-20', authority: 'Chủ tịch Ủy ban nhân dân tỉnh', status: 'DECIDED', revokedOn: null });
    // The agency reads no nomination (dossier, votes, appraisal), and no certificate data.
    expect((await ok(NOMINATION_QUERY, { id: published[0].id }, agency)).nomination).toBeNull();
    const CERTIFICATE = `query($id: ID!) { certificate(id: $id) { awardId recipient { id } formName issuingAuthority campaignTitle achievement decisionNumber decidedOn authority bonusMultiple } }`;
    expect((await ok(CERTIFICATE, { id: published[0].id }, agency)).certificate).toBeNull();
    expect((await ok(CERTIFICATE, { id: published[0].id }, police)).certificate).toEqual({
      awardId: published[0].id,
      recipient: { id: published[0].unit.id },
      formName: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      issuingAuthority: 'Chủ tịch Ủy ban nhân dân tỉnh',
      campaignTitle: 'Kế hoạch phát động phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Thái Bình năm 2024',
      achievement: 'Hoàn thành xuất sắc phong trào năm 2024',
      decisionNumber: published[0].decisionNumber,
      decidedOn: '2024-12-20',
      authority: 'Chủ tịch Ủy ban nhân dân tỉnh',
      bonusMultiple: 1,
    });
  });

  it('refuses a second award for the same achievement once decided (R19)', async () => {
    const awarded = (await h.prisma.nomination.findFirst({ where: { campaignId, status: 'DECIDED' } }))!;
    const before = await tableCounts(h.prisma);
    const second = await refused(CREATE, { input: { campaignId, formCode: 'EMULATION_FLAG', unitId: awarded.unitId, legalGround: 'LTDKT2022-D27', achievement: awarded.achievement, dossier: COMPLETE_DOSSIER } });
    expect(second).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_AWARDED' });
    expect(await tableCounts(h.prisma)).toEqual(before);
  });

  it('makes a held award a prerequisite where the rule says so (R20) and cascades its revocation (R26)', async () => {
    // A second season whose flag needs a certificate of merit held: the decision records the award it relied on.
    const season2 = randomUUID();
    await feed.launchCampaign(season2, id.tb, { title: 'Đợt khen thưởng chuyên đề 6 tháng đầu năm 2025', periodStart: '2025-01-01', periodEnd: '2025-06-30', launchedOn: '2025-01-05' });
    await until('SELECT count(*) AS n FROM campaign_fact', 2);
    h.setToday('2025-06-20');
    const prior = { name: 'đã được tặng Bằng khen (R20)', fact: 'AWARD_HELD', op: 'IN', value: '["CERTIFICATE_OF_MERIT"]' };
    await ok(SET_SCHEME, { input: { campaignId: season2, forms: [{ formCode: 'EMULATION_FLAG', quota: 2, collectiveConditions: [prior] }] } }, police);
    const first = (await h.prisma.nomination.findFirst({ where: { campaignId, status: 'DECIDED' }, orderBy: { id: 'asc' } }))!;
    const flagFor = async (unitId: string) => {
      const created = await ok(CREATE, { input: { campaignId: season2, formCode: 'EMULATION_FLAG', unitId, legalGround: 'LTDKT2022-D27', achievement: 'Chuyên đề 2025', dossier: COMPLETE_DOSSIER } });
      const submitted = (await ok(SUBMIT, { id: created.createNomination.id })).submitNomination;
      await ok(RECEIVE, { id: submitted.id }, police);
      await ok(APPRAISE, { id: submitted.id, eligible: true }, board);
      await ok(COUNCIL, { id: submitted.id }, board);
      return submitted;
    };
    const withoutPrior = await flagFor(average);
    expect(withoutPrior.eligibility).toEqual({ eligible: false, stage: 'SUBMISSION', failed: [{ name: 'đã được tặng Bằng khen (R20)', fact: 'AWARD_HELD', actual: null }] });
    const withPrior = await flagFor(first.unitId);
    expect(withPrior.eligibility).toEqual({ eligible: true, stage: 'SUBMISSION', failed: [] });
    const flag = (await ok(DECIDE, { input: { id: withPrior.id, decisionNumber: '88/QĐ-UBND', decidedOn: '2025-06-20', authority: 'Chủ tịch Ủy ban nhân dân tỉnh' } }, board)).decideNomination;
    expect(flag.status).toBe('DECIDED');
    expect((await h.prisma.nomination.findUnique({ where: { id: withPrior.id } }))!.dependsOn).toEqual([first.id]);

    const before = await tableCounts(h.prisma);
    const REVOKE = `mutation($input: RevokeAwardInput!) { revokeAward(input: $input) { id status revocationDecision revocationReason recoverArtifact recoverMoney } }`;
    const input = { id: first.id, revocationDecision: '45/QĐ-UBND', revokedOn: '2025-06-25', reason: 'Kê khai thành tích không trung thực', recoverArtifact: true, recoverMoney: true };
    const denied = await refused(REVOKE, { input }, vuThu);
    expect(denied).toMatchObject({ reason: 'ROLE_REQUIRED' });
    expect(await tableCounts(h.prisma)).toEqual(before);
    const revoked = (await ok(REVOKE, { input }, board)).revokeAward;
    expect(revoked).toEqual([
      { id: first.id, status: 'REVOKED', revocationDecision: '45/QĐ-UBND', revocationReason: 'Kê khai thành tích không trung thực', recoverArtifact: true, recoverMoney: true },
      {
        id: withPrior.id,
        status: 'REVOKED',
        revocationDecision: '45/QĐ-UBND',
        revocationReason: `Thu hồi theo khen thưởng ${first.id} đã bị thu hồi: Kê khai thành tích không trung thực`,
        recoverArtifact: true,
        recoverMoney: true,
      },
    ]);
    const events = await h.prisma.outboxEvent.findMany({ where: { type: AwardRevokedV1.fullType }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => (e.envelope as Data).data.cascadedFromNominationId)).toEqual([null, first.id]);
    const history = (await ok(NOMINATION_QUERY, { id: withPrior.id }, board)).nomination.history;
    expect(history.at(-1)).toMatchObject({ fromStatus: 'DECIDED', toStatus: 'REVOKED', actor: 'ban-tdkt@snv' });
    // The award no longer counts as held: the unit's flag would now fail the prerequisite.
    const again = await refused(REVOKE, { input }, board);
    expect(again).toMatchObject({ code: 'CONFLICT', reason: 'NOMINATION_INVALID_TRANSITION' });
  });

  it('judges a flag for the crime-prevention movement on models’ facts that arrived as events', async () => {
    const season3 = randomUUID();
    await feed.launchCampaign(season3, id.tb, { title: 'Phong trào toàn dân tham gia phòng, chống tội phạm năm 2024', legalBases: ['Kế hoạch 15/KH-UBND'] });
    const [model, both, modelOnly] = [randomUUID(), commune[5]!, commune[6]!];
    for (const unitId of [both, modelOnly]) {
      await publish(EffectiveModelChangedV1, unitId, { unitId, year: 2024, windowStart: '2023-11-16', windowEnd: '2024-11-15', derivedOn: '2024-11-20', hasEffectiveModel: true, effectiveModelIds: [model], revision: 1 });
    }
    await publish(AdvancedExampleRecognisedV1, randomUUID(), {
      exampleId: randomUUID(),
      kind: 'COLLECTIVE',
      name: 'Tổ camera an ninh xã',
      unitId: both,
      modelId: model,
      achievement: 'Giúp làm rõ 3 vụ trộm cắp tài sản',
      recognisedByUnitId: id.vt,
      recognisedOn: '2024-08-19',
      decisionNumber: '112/QĐ-UBND',
    });
    await until('SELECT count(*) AS n FROM effective_model_fact', 2);
    await until('SELECT count(*) AS n FROM advanced_example_fact', 1);
    await until('SELECT count(*) AS n FROM campaign_fact', 3);
    const conditions = [
      { name: 'có mô hình tự quản hiệu quả', fact: 'EFFECTIVE_MODEL', op: 'EQ', value: 'true' },
      { name: 'có điển hình tiên tiến phòng, chống tội phạm', fact: 'ADVANCED_EXAMPLE', op: 'EQ', value: 'true' },
      { name: 'classification ≥ GOOD', fact: 'CLASSIFICATION_RANK', op: 'GTE', value: '3' },
    ];
    await ok(SET_SCHEME, { input: { campaignId: season3, forms: [{ formCode: 'EMULATION_FLAG', quota: 2, collectiveConditions: conditions }] } }, police);
    const response = await h.requestSubgraph<Data>(ENTITIES, { campaignId: season3, reps: [both, modelOnly, average].map((unitId) => ({ __typename: 'Unit', id: unitId })) }, police);
    expect(response.errors).toBeUndefined();
    expect(response.data._entities.map((unit: Data) => unit.eligibility)).toEqual([
      [{ formCode: 'EMULATION_FLAG', eligible: true, failed: [] }],
      [{ formCode: 'EMULATION_FLAG', eligible: false, failed: [{ name: 'có điển hình tiên tiến phòng, chống tội phạm', fact: 'ADVANCED_EXAMPLE', actual: 'false' }] }],
      [
        {
          formCode: 'EMULATION_FLAG',
          eligible: false,
          failed: [
            { name: 'có mô hình tự quản hiệu quả', fact: 'EFFECTIVE_MODEL', actual: 'false' },
            { name: 'có điển hình tiên tiến phòng, chống tội phạm', fact: 'ADVANCED_EXAMPLE', actual: 'false' },
            { name: 'classification ≥ GOOD', fact: 'CLASSIFICATION_RANK', actual: 'AVERAGE' },
          ],
        },
      ],
    ]);
    // The example's name never reaches the fact store.
    expect(await h.prisma.$queryRawUnsafe(`SELECT column_name FROM information_schema.columns WHERE table_name = 'advanced_example_fact' AND column_name = 'name'`)).toEqual([]);
  });
});
