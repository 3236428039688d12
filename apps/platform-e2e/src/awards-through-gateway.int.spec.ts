import { ClassificationDecidedV1, type EventContract, RecognitionDecidedV1 } from '@antt/contracts';
import { buildEnvelope, createKafkaClient, recordHeaders } from '@antt/events';
import pg from 'pg';
import { untilInDirectory } from './support/directory-reader';
import { eventually, sharedStack, type Stack } from './support/stack';
import { type CreateUnit, testUnits } from './support/test-units';

/**
 * Awards as a client sees them through the gateway, on facts that reach it only as events: org-units' units through its unit
 * directory, campaigns' campaign and registrations (made through the gateway) and assessments' decisions (a stand-in producer on
 * the stack's topics) through its fact store. A nomination goes from draft to decision; the unit's award, its eligibility and the
 * campaign's award summary are joined to org-units' `Unit` and campaigns' `Campaign`, and the decision leaves through the relay.
 */
const NOMINATION = 'id status eligibility { eligible failed { name actual } }';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers are checked field by field
type Data = any;

describe('awards through the gateway', () => {
  let stack: Stack;
  let create: CreateUnit;
  let pool: pg.Pool;
  const ids: Record<string, string> = {};
  async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<Data> {
    const result = await stack.query<Data>(query, variables, token);
    expect(result.errors).toBeUndefined();
    return result.data;
  }
  const count = async (sql: string, values: unknown[] = []) => Number((await pool.query<{ n: string }>(sql, values)).rows[0]!.n);
  let seasonId: string;

  beforeAll(async () => {
    stack = sharedStack();
    pool = new pg.Pool({ connectionString: stack.awardsDatabase.url, max: 2 });
    ({ create } = await testUnits(stack, ids, '2025-07-01'));
    await create('P', { kind: 'PROVINCE', name: 'Tỉnh Thử Nghiệm' });
    await create('C1', { kind: 'COMMUNE', name: 'Xã Bình An', parentId: ids.P });
    await create('C2', { kind: 'COMMUNE', name: 'Xã Bình Minh', parentId: ids.P });
    await create('T1', { kind: 'SECURITY_TEAM', name: 'Tổ bảo vệ ANTT thôn Đông', parentId: ids.C1 });
    await untilInDirectory(stack.awardsDatabase.url, ids.C2!, 'the last commune in the awards directory');
    await untilInDirectory(stack.awardsDatabase.url, ids.T1!, 'the security team in the awards directory');
  }, 180_000);

  afterAll(async () => {
    await pool?.end();
  });

  it('nominates, decides and joins the award to Unit and Campaign, on facts that arrived as events', async () => {
    const police = await stack.token(['STEERING_OFFICER'], ids.P!);
    const level = await stack.token(['LEVEL_OFFICER'], ids.P!);
    const board = await stack.token(['APPRAISER'], ids.P!);
    const today = new Date().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const created = await ok(
      `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`,
      { input: { title: 'Kế hoạch thử nghiệm', legalBases: ['Quyết định 2447/QĐ-TTg'], ownerUnitId: ids.P, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` } },
      police,
    );
    const campaignId: string = created.createCampaign.id;
    seasonId = campaignId;
    await ok(`mutation($id: ID!) { launchCampaign(id: $id) { id } }`, { id: campaignId }, police);
    await ok(
      `mutation($input: RegisterUnitsInput!) { registerUnits(input: $input) { id } }`,
      { input: { campaignId, units: ['C1', 'C2'].map((key) => ({ unitId: ids[key], forSafeStandard: true, forClassification: true })) } },
      police,
    );

    const producer = createKafkaClient({ brokers: stack.kafkaBrokers, clientId: 'assessments-stand-in' }).createProducer();
    await producer.connect();
    const publish = async (contract: EventContract, unitId: string, data: Record<string, unknown>) => {
      const envelope = buildEnvelope({ contract, aggregateId: unitId, data: data as never }, 'assessments');
      await producer.send([{ topic: `${stack.topicPrefix}${contract.topic}`, key: unitId, value: JSON.stringify(envelope), headers: recordHeaders(envelope) }]);
    };
    try {
      for (const key of ['C1', 'C2']) {
        const unitId = ids[key]!;
        const base = { unitId, unitKind: 'COMMUNE', year, campaignId, decidingUnitId: ids.P!, decisionNumber: '12/QĐ-UBND', revision: 1, decidedOn: today };
        await publish(RecognitionDecidedV1, unitId, { ...base, status: 'RECOGNISED', recognisedOn: today, revokedOn: null, reason: null });
        await publish(ClassificationDecidedV1, unitId, { ...base, classification: key === 'C1' ? 'GOOD' : 'AVERAGE', score: key === 'C1' ? 86 : 60, ruleSetVersion: 'QD510-2022' });
      }
    } finally {
      await producer.disconnect();
    }
    // This file's campaign and communes only: the fact store is the shared stack's, fed by every file's campaigns and units.
    const communes = [ids.C1, ids.C2];
    await eventually(async () => ((await count('SELECT count(*) AS n FROM campaign_fact WHERE campaign_id = $1', [campaignId])) === 1 ? true : undefined), 60_000, 'the campaign in the awards fact store');
    await eventually(async () => ((await count('SELECT count(*) AS n FROM registration_fact WHERE campaign_id = $1', [campaignId])) === 2 ? true : undefined), 60_000, 'the registrations');
    await eventually(async () => ((await count('SELECT count(*) AS n FROM classification_fact WHERE unit_id = ANY($1::uuid[])', [communes])) === 2 ? true : undefined), 60_000, 'the classifications');
    await eventually(async () => ((await count('SELECT count(*) AS n FROM recognition_fact WHERE unit_id = ANY($1::uuid[])', [communes])) === 2 ? true : undefined), 60_000, 'the recognitions');

    const conditions = [
      { name: 'safe standard', fact: 'SAFE_STANDARD', op: 'EQ', value: 'true' },
      { name: 'classification ≥ GOOD', fact: 'CLASSIFICATION_RANK', op: 'GTE', value: '3' },
      { name: 'registered in the campaign', fact: 'REGISTERED', op: 'EQ', value: 'true' },
    ];
    await ok(
      `mutation($input: SetAwardSchemeInput!) { setAwardScheme(input: $input) { version } }`,
      {
        input: {
          campaignId,
          forms: [
            { formCode: 'CERTIFICATE_OF_MERIT', quota: 1, collectiveConditions: conditions },
            {
              formCode: 'CERTIFICATE_POLICE_DIRECTOR',
              quota: null,
              collectiveConditions: [],
              // The leader rule (R23): a leader as an individual needs their unit to meet the collective conditions.
              individualConditions: conditions.map((condition) => ({ ...condition, name: `leader: ${condition.name}`, roles: ['UNIT_LEADER'] })),
            },
          ],
        },
      },
      police,
    );
    const dossier = { submissionRef: 'TTr 1', achievementReportRef: 'BC 1', councilMinutesRef: 'BB 1', councilVotesFor: 7, councilVotesAgainst: 0, evidenceRefs: ['QĐ 12/QĐ-UBND'] };
    const nomination = await ok(
      `mutation($input: CreateNominationInput!) { createNomination(input: $input) { ${NOMINATION} } }`,
      { input: { campaignId, formCode: 'CERTIFICATE_OF_MERIT', unitId: ids.C1, legalGround: 'LTDKT2022-D76', achievement: 'Dẫn đầu phong trào', dossier } },
      level,
    );
    const id: string = nomination.createNomination.id;
    expect((await ok(`mutation($id: ID!) { submitNomination(id: $id) { ${NOMINATION} } }`, { id }, level)).submitNomination).toEqual({ id, status: 'SUBMITTED', eligibility: { eligible: true, failed: [] } });
    await ok(`mutation($id: ID!) { receiveNomination(id: $id) { id } }`, { id }, police);
    await ok(`mutation($id: ID!) { appraiseNomination(id: $id, eligible: true) { id } }`, { id }, board);
    await ok(`mutation($id: ID!) { reviewNominationInCouncil(id: $id, votesFor: 7, votesAgainst: 0, votesAbstain: 0) { id } }`, { id }, board);
    const decided = await ok(
      `mutation($input: DecideNominationInput!) { decideNomination(input: $input) { id status } }`,
      { input: { id, decisionNumber: '301/QĐ-UBND', decidedOn: today, authority: 'Chủ tịch Ủy ban nhân dân tỉnh' } },
      board,
    );
    expect(decided.decideNomination).toEqual({ id, status: 'DECIDED' });

    const joined = await ok(
      `query($c1: ID!, $c2: ID!, $campaignId: ID!) {
        a: unit(id: $c1) { name awards { decisionNumber } eligibility(campaignId: $campaignId) { formCode eligible } }
        b: unit(id: $c2) { name eligibility(campaignId: $campaignId) { formCode eligible failed { name actual } } }
        campaign(id: $campaignId) { title awardSummary { nominations forms { formCode quota decided } } } }`,
      { c1: ids.C1, c2: ids.C2, campaignId },
      police,
    );
    expect(joined.a).toEqual({
      name: 'Xã Bình An',
      awards: [{ decisionNumber: '301/QĐ-UBND' }],
      eligibility: [
        { formCode: 'CERTIFICATE_OF_MERIT', eligible: true },
        { formCode: 'CERTIFICATE_POLICE_DIRECTOR', eligible: true },
      ],
    });
    expect(joined.b).toEqual({
      name: 'Xã Bình Minh',
      eligibility: [
        { formCode: 'CERTIFICATE_OF_MERIT', eligible: false, failed: [{ name: 'classification ≥ GOOD', actual: 'AVERAGE' }] },
        { formCode: 'CERTIFICATE_POLICE_DIRECTOR', eligible: true, failed: [] },
      ],
    });
    expect(joined.campaign).toEqual({
      title: 'Kế hoạch thử nghiệm',
      awardSummary: {
        nominations: 1,
        forms: [
          { formCode: 'CERTIFICATE_OF_MERIT', quota: 1, decided: 1 },
          { formCode: 'CERTIFICATE_POLICE_DIRECTOR', quota: null, decided: 0 },
        ],
      },
    });
    // The relay publishes the decision.
    await eventually(
      async () => ((await count(`SELECT count(*) AS n FROM outbox_event WHERE type = 'awards.nomination.decided.v1' AND aggregate_id = $1 AND published_at IS NOT NULL`, [id])) === 1 ? true : undefined),
      60_000,
      'the decision published by the relay',
    );
  }, 240_000);

  it('nominates a unit leader as an individual: judged on the unit’s facts, personal data by role through the gateway', async () => {
    const level = await stack.token(['LEVEL_OFFICER'], ids.P!);
    const systemAdmin = await stack.token(['SYSTEM_ADMIN'], ids.P!);
    const dossier = { submissionRef: 'TTr 2', achievementReportRef: 'BC 2', councilMinutesRef: 'BB 2', councilVotesFor: 7, councilVotesAgainst: 0, evidenceRefs: ['QĐ 12/QĐ-UBND'] };
    const nominee = { fullName: 'Hoàng Văn Minh', birthYear: 1972, role: 'UNIT_LEADER', position: 'Chủ tịch UBND xã' };
    const created = await ok(
      `mutation($input: CreateNominationInput!) { createNomination(input: $input) { id recipientKind nominee { access fullName birthYear role } } }`,
      {
        input: {
          campaignId: seasonId,
          formCode: 'CERTIFICATE_POLICE_DIRECTOR',
          recipientKind: 'INDIVIDUAL',
          unitId: ids.C2,
          legalGround: 'LTDKT2022-D75',
          achievement: 'Lãnh đạo xã thực hiện phong trào',
          dossier,
          nominee,
        },
      },
      level,
    );
    expect(created.createNomination).toMatchObject({ recipientKind: 'INDIVIDUAL', nominee: { access: 'FULL', fullName: 'Hoàng Văn Minh', birthYear: 1972, role: 'UNIT_LEADER' } });
    const id: string = created.createNomination.id;
    // The leader of Xã Bình Minh (classified AVERAGE) fails the leader rule on the unit's classification.
    expect((await ok(`mutation($id: ID!) { submitNomination(id: $id) { ${NOMINATION} } }`, { id }, level)).submitNomination).toEqual({
      id,
      status: 'SUBMITTED',
      eligibility: { eligible: false, failed: [{ name: 'leader: classification ≥ GOOD', actual: 'AVERAGE' }] },
    });
    const read = `query($id: ID!) { nomination(id: $id) { unit { name } nominee { access fullName birthYear position } } }`;
    expect((await ok(read, { id }, level)).nomination).toEqual({
      unit: { name: 'Xã Bình Minh' },
      nominee: { access: 'FULL', fullName: 'Hoàng Văn Minh', birthYear: 1972, position: 'Chủ tịch UBND xã' },
    });
    expect((await ok(read, { id }, systemAdmin)).nomination.nominee).toEqual({ access: 'MASKED', fullName: 'H**** V** M***', birthYear: null, position: null });
    // At rest and in the outbox: nothing of the person in clear.
    expect(await count(`SELECT count(*) AS n FROM nomination WHERE row_to_json(nomination)::text LIKE '%Hoàng%'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM outbox_event WHERE envelope::text LIKE '%Hoàng%'`)).toBe(0);
  }, 120_000);

  it('records a commune’s security team ratings (R25), consolidated with org-units’ Unit, and the relay publishes them', async () => {
    const level = await stack.token(['LEVEL_OFFICER'], ids.P!);
    const member = (fullName: string, position: string, rating: string | null) => ({ fullName, birthYear: 1980, position, joinedOn: '2025-07-15', rating });
    const recorded = await ok(
      `mutation($input: RecordTeamRatingsInput!) { recordTeamRatings(input: $input) { version commune { name } teams { team { name } rating members { positionLabel rating } } } }`,
      {
        input: {
          year: 2026,
          communeId: ids.C1,
          reason: 'Quyết định công nhận kết quả đánh giá năm 2026',
          teams: [{ teamId: ids.T1, operatingSince: '2025-07-01', rating: 'GOOD', members: [member('Lương Văn Tùng', 'LEADER', 'GOOD'), member('Đinh Thị Hoa', 'MEMBER', 'COMPLETED')] }],
        },
      },
      level,
    );
    expect(recorded.recordTeamRatings).toEqual({
      version: 1,
      commune: { name: 'Xã Bình An' },
      teams: [{ team: { name: 'Tổ bảo vệ ANTT thôn Đông' }, rating: 'GOOD', members: [{ positionLabel: 'Tổ trưởng', rating: 'GOOD' }, { positionLabel: 'Tổ viên', rating: 'COMPLETED' }] }],
    });
    // A leader above the team is refused by name (and, alone EXCELLENT with no GOOD, over the commune's 20%), nothing written.
    const refused = await stack.query<Data>(
      `mutation($input: RecordTeamRatingsInput!) { recordTeamRatings(input: $input) { version } }`,
      { input: { year: 2026, communeId: ids.C1, reason: 'Sửa', teams: [{ teamId: ids.T1, operatingSince: '2025-07-01', rating: 'GOOD', members: [member('Lương Văn Tùng', 'LEADER', 'EXCELLENT')] }] } },
      level,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TEAM_RATINGS_REFUSED', rejections: [
        { field: 'input.teams[0].members[0].rating', code: 'LEADER_ABOVE_TEAM' },
        { field: 'input.teams.members', code: 'EXCELLENT_OVER_QUOTA' },
      ],
    });
    const summary = await ok(
      `query { teamRatingsSummary(year: 2026) { communes communesRecorded teams rows { commune { name } recorded teams } } }`,
      {},
      level,
    );
    expect(summary.teamRatingsSummary).toMatchObject({ communesRecorded: 1, teams: 1, rows: [{ commune: { name: 'Xã Bình An' }, recorded: true, teams: 1 }] });
    await eventually(
      async () => ((await count(`SELECT count(*) AS n FROM outbox_event WHERE type = 'awards.team-ratings.recorded.v1' AND aggregate_id = $1 AND published_at IS NOT NULL`, [ids.C1])) === 1 ? true : undefined),
      60_000,
      'the team ratings published by the relay',
    );
    expect(await count(`SELECT count(*) AS n FROM outbox_event WHERE envelope::text LIKE '%Lương%'`)).toBe(0);
  }, 120_000);
});
