import { randomUUID } from 'node:crypto';
import { CampaignLaunchedV1, ClassificationDecidedV1, RecognitionDecidedV1 } from '@antt/contracts';
import { type AwardsHarness, answers, as, tableCounts } from '../support/awards-harness';
import { waitForCount, type FactFedHarness, startFactFedHarness } from '../support/fact-events';
import { APPRAISE, COMPLETE_DOSSIER, COUNCIL, DECIDE, RECEIVE, SUBMIT } from '../support/operations';
import { seedCallers, seedTree } from '../support/seed-tree';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers are checked field by field
type Data = any;

const NOMINEE = 'nominee { access accessLabel fullName birthYear birthDate position citizenId address role }';
const CREATE = `mutation($input: CreateNominationInput!) { createNomination(input: $input) { id status recipientKind unit { id } ${NOMINEE} } }`;
const READ = `query($id: ID!) { nomination(id: $id) { id status recipientKind eligibility { eligible failed { name fact actual } } ${NOMINEE}
  subjectAwards { id campaignId formCode status } } }`;
const SET_SCHEME = `mutation($input: SetAwardSchemeInput!) { setAwardScheme(input: $input) { version forms { form { code } individualConditions { name fact op value roles } householdConditions { name } } } }`;
const PUBLISHED = `query($id: ID!) { publishedAwards(campaignId: $id) { id recipientKind unit { id } recipientName formCode } }`;
const CERTIFICATE = `query($id: ID!) { certificate(id: $id) { awardId recipientKind recipientName formName } }`;

/**
 * Individual and household nominees through the gateway, on the real broker and database: personal data checked, encrypted at
 * rest, found again only through the blind index, shown in clear, masked or not at all by the caller's role; the leader rule
 * (R23) as a role-guarded condition over the unit's facts from assessments' events; R19 for the same person; the person's award
 * history across campaigns; bad input refused with stable codes, nothing written.
 */
describe('individual and household nominees', () => {
  const { id, commune, states } = seedTree(3);
  const { police, vuThu, kienXuong, board, admin, agency } = seedCallers(id);
  const [goodCommune, averageCommune] = [commune[0]!, commune[1]!];
  const season = randomUUID();
  const nextSeason = randomUUID();
  const leaderName = 'Nguyễn Văn An';
  let h: AwardsHarness;
  let feed: FactFedHarness;
  let goodLeader: string;

  const { ok, refused } = answers(() => h, vuThu);
  const individual = (unitId: string, nominee: Record<string, unknown>, campaignId = season) => ({
    input: {
      campaignId,
      formCode: 'CERTIFICATE_OF_MERIT',
      recipientKind: 'INDIVIDUAL',
      unitId,
      legalGround: 'LTDKT2022-D76',
      achievement: 'Có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2024',
      dossier: COMPLETE_DOSSIER,
      nominee,
    },
  });
  const leader = { fullName: leaderName, birthYear: 1970, role: 'UNIT_LEADER', position: 'Chủ tịch UBND xã', citizenId: '034070000123' };

  beforeAll(async () => {
    feed = await startFactFedHarness('2024-12-01');
    h = feed.harness;
    await h.project(states);
    const publish = feed.publish;
    const launched = { parentCampaignId: null, legalBases: ['Thông tư 124/2021/TT-BCA'], ownerUnitId: id.tb, scopeUnitId: id.tb, deadlines: [], targets: [] };
    await publish(CampaignLaunchedV1, season, { ...launched, campaignId: season, title: 'Phong trào toàn dân bảo vệ ANTQ tỉnh Thái Bình năm 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31', launchedOn: '2024-01-05' });
    await publish(CampaignLaunchedV1, nextSeason, { ...launched, campaignId: nextSeason, title: 'Phong trào toàn dân bảo vệ ANTQ tỉnh Thái Bình năm 2025', periodStart: '2025-01-01', periodEnd: '2025-06-30', launchedOn: '2025-01-05' });
    const decision = { campaignId: season, decidingUnitId: id.vt, decisionNumber: '125/QĐ-UBND', revision: 1, unitKind: 'COMMUNE', year: 2024 };
    for (const unitId of [...commune, id.qb]) {
      await feed.registerCommune(season, unitId, id.vt);
      await publish(RecognitionDecidedV1, unitId, { ...decision, unitId, status: 'RECOGNISED', decidedOn: '2024-11-25', recognisedOn: '2024-11-25', revokedOn: null, reason: null });
      const average = unitId === averageCommune;
      await publish(ClassificationDecidedV1, unitId, { ...decision, unitId, classification: average ? 'AVERAGE' : 'GOOD', score: average ? 65 : 85, ruleSetVersion: 'QD510-2022', decidedOn: '2024-11-20' });
    }
    await waitForCount(h.prisma, 'SELECT count(*) AS n FROM campaign_fact', 2);
    await waitForCount(h.prisma, 'SELECT count(*) AS n FROM classification_fact', commune.length + 1);
    await waitForCount(h.prisma, 'SELECT count(*) AS n FROM recognition_fact', commune.length + 1);
    await waitForCount(h.prisma, 'SELECT count(*) AS n FROM registration_fact', commune.length + 1);
  }, 180_000);

  afterAll(async () => {
    await feed?.close();
  });

  it('sets rules per recipient kind: the leader rule as conditions on the unit’s facts for leaders only (R23)', async () => {
    const unitRule = [
      { name: 'đơn vị đạt chuẩn an toàn về ANTT', fact: 'SAFE_STANDARD', op: 'EQ', value: 'true' },
      { name: 'đơn vị xếp loại Khá trở lên', fact: 'CLASSIFICATION_RANK', op: 'GTE', value: '3' },
    ];
    const wrongPlace = await refused(
      SET_SCHEME,
      { input: { campaignId: season, forms: [{ formCode: 'CERTIFICATE_OF_MERIT', collectiveConditions: [{ ...unitRule[0], roles: ['UNIT_LEADER'] }] }] } },
      police,
    );
    expect(wrongPlace).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CONDITION', field: 'input.forms[0].collectiveConditions[0].roles' });
    const badRole = await refused(
      SET_SCHEME,
      { input: { campaignId: season, forms: [{ formCode: 'CERTIFICATE_OF_MERIT', collectiveConditions: [], individualConditions: [{ name: 'x', fact: 'NOMINEE_ROLE', op: 'IN', value: '["CHIEF"]' }] }] } },
      police,
    );
    expect(badRole).toMatchObject({ reason: 'INVALID_CONDITION', field: 'input.forms[0].individualConditions[0].value' });
    const scheme = await ok(
      SET_SCHEME,
      {
        input: {
          campaignId: season,
          forms: [
            {
              formCode: 'CERTIFICATE_OF_MERIT',
              quota: 15,
              collectiveConditions: unitRule,
              individualConditions: [
                ...unitRule.map((condition) => ({ ...condition, name: `người đứng đầu: ${condition.name}`, roles: ['UNIT_LEADER'] })),
                { name: 'cá nhân thuộc đơn vị hoặc tổ bảo vệ ANTT', fact: 'NOMINEE_ROLE', op: 'IN', value: '["UNIT_LEADER","TEAM_MEMBER","OFFICER"]' },
              ],
              householdConditions: [unitRule[0]],
            },
            { formCode: 'CERTIFICATE_POLICE_DIRECTOR', quota: null, collectiveConditions: [] },
          ],
        },
      },
      police,
    );
    expect(scheme.setAwardScheme.forms[0].individualConditions[0]).toEqual({
      name: 'người đứng đầu: đơn vị đạt chuẩn an toàn về ANTT',
      fact: 'SAFE_STANDARD',
      op: 'EQ',
      value: 'true',
      roles: ['UNIT_LEADER'],
    });
    await ok(
      SET_SCHEME,
      {
        input: {
          campaignId: nextSeason,
          forms: [
            {
              formCode: 'CERTIFICATE_OF_MERIT',
              collectiveConditions: [],
              individualConditions: [{ name: 'đã có Bằng khen của Chủ tịch UBND tỉnh', fact: 'AWARD_HELD', op: 'IN', value: '["CERTIFICATE_OF_MERIT"]' }],
            },
          ],
        },
      },
      police,
    );
  });

  it('keeps a nominee encrypted, judges a leader on the unit’s facts and a team member on their own rule', async () => {
    const created = await ok(CREATE, individual(goodCommune, leader));
    goodLeader = created.createNomination.id;
    expect(created.createNomination).toMatchObject({
      status: 'DRAFT',
      recipientKind: 'INDIVIDUAL',
      nominee: { access: 'FULL', accessLabel: 'Xem đầy đủ', fullName: leaderName, birthYear: 1970, birthDate: null, position: 'Chủ tịch UBND xã', citizenId: '034070000123', role: 'UNIT_LEADER' },
    });
    const averageLeader = (await ok(CREATE, individual(averageCommune, { fullName: 'Trần Thị Bình', birthDate: '1975-03-02', role: 'UNIT_LEADER' }))).createNomination.id;
    const member = (await ok(CREATE, individual(averageCommune, { fullName: 'Lê Văn Cường', birthYear: 1980, role: 'TEAM_MEMBER', position: 'Tổ viên tổ bảo vệ ANTT' }))).createNomination.id;
    const resident = (await ok(CREATE, individual(goodCommune, { fullName: 'Phạm Văn Dũng', birthYear: 1960, role: 'RESIDENT' }))).createNomination.id;
    for (const nominationId of [goodLeader, averageLeader, member, resident]) await ok(SUBMIT, { id: nominationId });
    const read = async (nominationId: string, caller = vuThu) => (await ok(READ, { id: nominationId }, caller)).nomination;
    expect((await read(goodLeader)).eligibility).toEqual({ eligible: true, failed: [] });
    expect((await read(averageLeader)).eligibility).toEqual({
      eligible: false,
      failed: [{ name: 'người đứng đầu: đơn vị xếp loại Khá trở lên', fact: 'CLASSIFICATION_RANK', actual: 'AVERAGE' }],
    });
    expect((await read(averageLeader)).nominee).toMatchObject({ birthYear: 1975, birthDate: '1975-03-02' });
    expect((await read(member)).eligibility).toEqual({ eligible: true, failed: [] });
    expect((await read(resident)).eligibility).toEqual({ eligible: false, failed: [{ name: 'cá nhân thuộc đơn vị hoặc tổ bảo vệ ANTT', fact: 'NOMINEE_ROLE', actual: 'RESIDENT' }] });

    // At rest: the ciphertext and the blind index only; the events carry unit ids and codes.
    const [row] = await h.prisma.$queryRawUnsafe<Array<{ row: string }>>(`SELECT row_to_json(n)::text AS row FROM nomination n WHERE id = $1::uuid`, goodLeader);
    expect(row!.row).not.toContain('Nguyễn');
    expect(row!.row).not.toContain('034070000123');
    expect(row!.row).not.toContain('1970');
    const stored = await h.prisma.nomination.findUniqueOrThrow({ where: { id: goodLeader } });
    expect(stored.subjectKey).toMatch(/^p:[0-9a-f]{64}$/);
    expect(stored.nomineeEnc).toBeTruthy();
    const outbox = await h.prisma.outboxEvent.findMany();
    expect(outbox.length).toBeGreaterThanOrEqual(4);
    for (const event of outbox) expect(JSON.stringify(event.envelope)).not.toMatch(/Nguyễn|Trần|034070000123/);
  }, 60_000);

  it('shows the nominee by role: in clear to the line and the board, masked to the system admin, never to others', async () => {
    const nominee = async (caller: ReturnType<typeof as>) => (await ok(READ, { id: goodLeader }, caller)).nomination?.nominee ?? null;
    expect(await nominee(police)).toMatchObject({ access: 'FULL', fullName: leaderName });
    expect(await nominee(board)).toMatchObject({ access: 'FULL', fullName: leaderName, citizenId: '034070000123' });
    expect(await nominee(admin)).toEqual({
      access: 'MASKED',
      accessLabel: 'Đã che một phần',
      fullName: 'N***** V** A*',
      birthYear: null,
      birthDate: null,
      position: null,
      citizenId: null,
      address: null,
      role: 'UNIT_LEADER',
    });
    // Outside the jurisdiction the nomination does not exist; external agencies read no nomination.
    expect((await ok(READ, { id: goodLeader }, kienXuong)).nomination).toBeNull();
    expect((await ok(READ, { id: goodLeader }, agency)).nomination).toBeNull();
  });

  it('decides an individual award, publishes it without the name to agencies, and finds it again for the same person', async () => {
    await ok(RECEIVE, { id: goodLeader }, police);
    await ok(APPRAISE, { id: goodLeader, eligible: true }, board);
    await ok(COUNCIL, { id: goodLeader }, board);
    const decided = await ok(DECIDE, { input: { id: goodLeader, decisionNumber: '3050/QĐ-UBND', decidedOn: '2024-11-30', authority: 'Chủ tịch UBND tỉnh Thái Bình' } }, board);
    expect(decided.decideNomination.status).toBe('DECIDED');
    const forAgency = (await ok(PUBLISHED, { id: season }, agency)).publishedAwards;
    expect(forAgency).toEqual([{ id: goodLeader, recipientKind: 'INDIVIDUAL', unit: { id: goodCommune }, recipientName: null, formCode: 'CERTIFICATE_OF_MERIT' }]);
    expect((await ok(PUBLISHED, { id: season }, police)).publishedAwards[0].recipientName).toBe(leaderName);
    expect((await ok(PUBLISHED, { id: season }, admin)).publishedAwards[0].recipientName).toBe('N***** V** A*');
    expect((await ok(CERTIFICATE, { id: goodLeader }, board)).certificate).toMatchObject({ recipientKind: 'INDIVIDUAL', recipientName: leaderName });

    // R19 through the blind index: the same person (same citizen ID, written differently) again in the season is refused.
    const before = await tableCounts(h.prisma);
    const again = await refused(CREATE, individual(goodCommune, { ...leader, fullName: '  NGUYỄN  Văn An ' }));
    expect(again).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_AWARDED', field: 'input.nominee' });
    expect(JSON.stringify(again)).not.toContain(goodLeader);
    expect(await tableCounts(h.prisma)).toEqual(before);

    // The next season: the same person, nominated from another unit, holds the 2024 award (the prerequisite its rule names).
    h.setToday('2025-06-01');
    try {
      const next = (await ok(CREATE, individual(commune[2]!, { ...leader, position: 'Bí thư Đảng ủy xã' }, nextSeason))).createNomination.id;
      await ok(SUBMIT, { id: next });
      const read = (await ok(READ, { id: next }, police)).nomination;
      expect(read.eligibility).toEqual({ eligible: true, failed: [] });
      expect(read.subjectAwards).toEqual([{ id: goodLeader, campaignId: season, formCode: 'CERTIFICATE_OF_MERIT', status: 'DECIDED' }]);
      // A person without that award fails the named prerequisite.
      const other = (await ok(CREATE, individual(commune[2]!, { fullName: 'Đỗ Thị Hoa', birthYear: 1985, role: 'OFFICER' }, nextSeason))).createNomination.id;
      await ok(SUBMIT, { id: other });
      expect((await ok(READ, { id: other }, police)).nomination.eligibility.failed).toEqual([
        { name: 'đã có Bằng khen của Chủ tịch UBND tỉnh', fact: 'AWARD_HELD', actual: null },
      ]);
    } finally {
      h.setToday('2024-12-01');
    }
  }, 60_000);

  it('nominates a household by its head and address, masked like a person', async () => {
    const household = {
      input: {
        campaignId: season,
        formCode: 'CERTIFICATE_OF_MERIT',
        recipientKind: 'HOUSEHOLD',
        unitId: goodCommune,
        legalGround: 'LTDKT2022-D76',
        achievement: 'Hộ gia đình tiêu biểu trong phong trào',
        dossier: COMPLETE_DOSSIER,
        nominee: { fullName: 'Vũ Văn Hùng', address: 'Thôn Đông, xã số 1, huyện Vũ Thư' },
      },
    };
    const created = (await ok(CREATE, household)).createNomination;
    expect(created.nominee).toMatchObject({ access: 'FULL', fullName: 'Vũ Văn Hùng', address: 'Thôn Đông, xã số 1, huyện Vũ Thư', role: null });
    await ok(SUBMIT, { id: created.id });
    const asAdmin = (await ok(READ, { id: created.id }, admin)).nomination;
    expect(asAdmin.nominee).toMatchObject({ access: 'MASKED', fullName: 'V* V** H***', address: null });
    expect(asAdmin.eligibility).toEqual({ eligible: true, failed: [] });
    const stored = await h.prisma.nomination.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.subjectKey).toMatch(/^h:[0-9a-f]{64}$/);
    // The same household written differently is the same subject (R19).
    const again = await refused(CREATE, { input: { ...household.input, nominee: { fullName: 'VŨ VĂN HÙNG', address: 'thôn đông,  xã số 1, huyện vũ thư' } } });
    expect(again).toMatchObject({ reason: 'DUPLICATE_NOMINATION', field: 'input.nominee' });
  });

  it('refuses bad nominees with stable codes and writes nothing', async () => {
    const before = await tableCounts(h.prisma);
    const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [{ ...individual(goodCommune, { ...leader, fullName: 'A'.repeat(101), citizenId: null }).input }, { reason: 'TEXT_TOO_LONG', field: 'input.nominee.fullName' }],
      [{ ...individual(goodCommune, { ...leader, fullName: 'Nguyễn\u0000Văn An', citizenId: null }).input }, { reason: 'INVALID_TEXT', field: 'input.nominee.fullName' }],
      [{ ...individual(goodCommune, { fullName: 'Ngô Văn Em', birthDate: '2025-01-01', role: 'OFFICER' }).input }, { reason: 'INVALID_BIRTH_DATE', field: 'input.nominee.birthDate' }],
      [{ ...individual(goodCommune, { fullName: 'Ngô Văn Em', birthYear: 2030, role: 'OFFICER' }).input }, { reason: 'INVALID_BIRTH_DATE', field: 'input.nominee.birthYear' }],
      [{ ...individual(goodCommune, { fullName: 'Ngô Văn Em', role: 'OFFICER' }).input }, { reason: 'INVALID_BIRTH_DATE', field: 'input.nominee.birthYear' }],
      [{ ...individual(goodCommune, { fullName: 'Ngô Văn Em', birthYear: 1990 }).input }, { reason: 'INVALID_NOMINEE', field: 'input.nominee.role' }],
      [{ ...individual(goodCommune, { fullName: 'Ngô Văn Em', birthYear: 1990, role: 'OFFICER', citizenId: '12345' }).input }, { reason: 'INVALID_CITIZEN_ID', field: 'input.nominee.citizenId' }],
      [{ ...individual(goodCommune, leader).input, nominee: null }, { reason: 'INVALID_NOMINEE', field: 'input.nominee' }],
      [{ ...individual(goodCommune, leader).input, recipientKind: 'COLLECTIVE' }, { reason: 'INVALID_NOMINEE', field: 'input.nominee' }],
      [{ ...individual(goodCommune, { fullName: 'Vũ Văn Hùng' }).input, recipientKind: 'HOUSEHOLD' }, { reason: 'INVALID_NOMINEE', field: 'input.nominee.address' }],
      [{ ...individual(goodCommune, { fullName: 'Vũ Văn Hùng', address: 'Thôn Tây' }).input, recipientKind: 'HOUSEHOLD', formCode: 'CERTIFICATE_POLICE_DIRECTOR', legalGround: 'LTDKT2022-D75' }, { reason: 'AWARD_FORM_NOT_FOR_RECIPIENT', field: 'input.formCode' }],
      [{ ...individual(id.qb, { fullName: 'Ngô Văn Em', birthYear: 1990, role: 'OFFICER' }).input }, { reason: 'AWARD_UNIT_NOT_FOUND', field: 'input.unitId' }],
    ];
    for (const [input, expected] of cases) expect(await refused(CREATE, { input })).toMatchObject(expected);
    // An unknown recipient kind never reaches the service: the gateway refuses the variable against the schema's enum.
    const unknown = await h.request<Data>(CREATE, { input: { ...individual(goodCommune, leader).input, recipientKind: 'ORGANISATION' } }, vuThu);
    expect(unknown.data ?? null).toBeNull();
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(unknown.errors![0]!.message).toContain('RecipientKind');
    expect(await tableCounts(h.prisma)).toEqual(before);
  });

  it('answers Campaign.awardSummary below the campaign’s owner with the nominations inside the caller’s jurisdiction only', async () => {
    const SUMMARY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Campaign { awardSummary { restricted nominations forms { formCode quota decided pending } } } } }`;
    // Campaign is joined by key: asked of the subgraph as the gateway asks it, with the caller's signed assertion.
    const summary = async (caller: ReturnType<typeof as>) => {
      const response = await h.requestSubgraph<Data>(SUMMARY, { reps: [{ __typename: 'Campaign', id: season }] }, caller);
      expect(response.errors).toBeUndefined();
      return response.data._entities[0].awardSummary;
    };
    const whole = await summary(police);
    const district = await summary(vuThu);
    expect(whole.restricted).toBe(false);
    expect(district.restricted).toBe(true);
    // Every nomination of the season lies in Vũ Thư's communes: the district counts them all, Kiến Xương none.
    const total = await h.prisma.nomination.count({ where: { campaignId: season } });
    expect(whole.nominations).toBe(total);
    expect(district).toEqual({ ...whole, restricted: true });
    expect(await summary(kienXuong)).toEqual({
      restricted: true,
      nominations: 0,
      forms: whole.forms.map((form: Data) => ({ ...form, decided: 0, pending: 0 })),
    });
    // A commune reads its own nominations only.
    const own = await h.prisma.nomination.groupBy({ by: ['status'], where: { campaignId: season, unitId: averageCommune }, _count: { _all: true } });
    const communeSummary = await summary(as('cand@xa2', 'UNIT_OFFICER', averageCommune));
    expect(communeSummary.nominations).toBe(own.reduce((sum, row) => sum + row._count._all, 0));
    expect(communeSummary.nominations).toBeLessThan(total);
    expect(await summary(agency)).toBeNull();
  });

  it('records dated person facts through audited mutations and judges team members on months of service and pending complaints', async () => {
    const RECORD = `mutation($input: RecordPersonFactInput!) { recordPersonFact(input: $input) { id kind kindLabel validFrom validTo } }`;
    const CLOSE = `mutation($id: ID!, $on: Date!, $reason: String!) { closePersonFact(id: $id, on: $on, reason: $reason) { id validTo history { action actor onDate reason } } }`;
    const current = await ok(`query($id: ID!) { awardScheme(campaignId: $id) { forms { form { code } quota collectiveConditions { name fact op value } individualConditions { name fact op value roles } householdConditions { name fact op value } } } }`, { id: season }, police);
    const asInput = (conditions: Data[]) => conditions.map((condition: Data) => ({ ...condition, roles: condition.roles?.length ? condition.roles : undefined }));
    const forms = current.awardScheme.forms.map((form: Data) => ({
      formCode: form.form.code,
      quota: form.quota,
      collectiveConditions: asInput(form.collectiveConditions),
      householdConditions: asInput(form.householdConditions),
      individualConditions: asInput(form.individualConditions),
    }));
    const refusedFact = await refused(SET_SCHEME, { input: { campaignId: season, forms: [{ ...forms[0], collectiveConditions: [{ name: 'x', fact: 'MONTHS_OF_SERVICE', op: 'GTE', value: '9' }] }] } }, police);
    expect(refusedFact).toMatchObject({ reason: 'INVALID_CONDITION', field: 'input.forms[0].collectiveConditions[0].fact' });
    forms[0].individualConditions.push(
      { name: 'tham gia tổ bảo vệ ANTT từ 9 tháng (R25)', fact: 'MONTHS_OF_SERVICE', op: 'GTE', value: '9', roles: ['TEAM_MEMBER'] },
      { name: 'không có đơn thư khiếu nại, tố cáo đang giải quyết', fact: 'NO_PENDING_COMPLAINT', op: 'EQ', value: 'true' },
    );
    await ok(SET_SCHEME, { input: { campaignId: season, forms } }, police);

    const nominationId = (await ok(CREATE, individual(commune[2]!, { fullName: 'Bùi Văn Giang', birthYear: 1990, role: 'TEAM_MEMBER' }))).createNomination.id;
    const service = (await ok(RECORD, { input: { nominationId, kind: 'SERVICE', from: '2024-06-01', reason: 'Quyết định thành lập tổ bảo vệ ANTT' } }, police)).recordPersonFact;
    expect(service).toMatchObject({ kind: 'SERVICE', kindLabel: 'Thời gian tham gia tổ bảo vệ ANTT', validFrom: '2024-06-01', validTo: null });
    const complaint = (await ok(RECORD, { input: { nominationId, kind: 'COMPLAINT', from: '2024-10-01', reason: 'Đơn tố cáo số 15' } }, police)).recordPersonFact;

    // Refused, nothing written: a level officer (not the provincial police), police of another district, a collective's
    // nomination, a future date, a close before the start.
    const before = await h.prisma.personFactChange.count();
    expect(await refused(RECORD, { input: { nominationId, kind: 'SERVICE', from: '2024-06-01', reason: 'x' } }, vuThu)).toMatchObject({ reason: 'ROLE_REQUIRED' });
    expect(await refused(RECORD, { input: { nominationId, kind: 'SERVICE', from: '2024-06-01', reason: 'x' } }, as('pv@kx', 'STEERING_OFFICER', id.kx))).toMatchObject({
      reason: 'NOMINATION_NOT_FOUND',
      field: 'input.nominationId',
    });
    expect(await refused(RECORD, { input: { nominationId: goodLeader, kind: 'SERVICE', from: '2025-06-01', reason: 'x' } }, police)).toMatchObject({ reason: 'INVALID_FACT_PERIOD', field: 'input.from' });
    expect(await refused(CLOSE, { id: service.id, on: '2024-05-01', reason: 'x' }, police)).toMatchObject({ reason: 'INVALID_FACT_PERIOD', field: 'on' });
    expect(await h.prisma.personFactChange.count()).toBe(before);

    await ok(SUBMIT, { id: nominationId });
    const read = async () => (await ok(READ, { id: nominationId }, police)).nomination.eligibility;
    expect(await read()).toEqual({
      eligible: false,
      failed: [
        { name: 'tham gia tổ bảo vệ ANTT từ 9 tháng (R25)', fact: 'MONTHS_OF_SERVICE', actual: '6' },
        { name: 'không có đơn thư khiếu nại, tố cáo đang giải quyết', fact: 'NO_PENDING_COMPLAINT', actual: 'false' },
      ],
    });
    const closed = (await ok(CLOSE, { id: complaint.id, on: '2024-11-15', reason: 'Đã giải quyết: tố cáo sai' }, police)).closePersonFact;
    expect(closed).toMatchObject({
      validTo: '2024-11-15',
      history: [
        { action: 'RECORDED', actor: 'pv05@tb', onDate: '2024-10-01', reason: 'Đơn tố cáo số 15' },
        { action: 'CLOSED', actor: 'pv05@tb', onDate: '2024-11-15', reason: 'Đã giải quyết: tố cáo sai' },
      ],
    });
    // Re-evaluated at the next submission: the complaint no longer holds, six months of service still do not reach nine.
    await ok(`mutation($id: ID!, $reason: String!) { returnNomination(id: $id, reason: $reason) { id } }`, { id: nominationId, reason: 'Xét lại sau khi giải quyết đơn' }, police);
    await ok(SUBMIT, { id: nominationId });
    expect(await read()).toEqual({ eligible: false, failed: [{ name: 'tham gia tổ bảo vệ ANTT từ 9 tháng (R25)', fact: 'MONTHS_OF_SERVICE', actual: '6' }] });
    const facts = (await ok(`query($id: ID!) { nomination(id: $id) { personFacts { kind validFrom validTo } } }`, { id: nominationId }, vuThu)).nomination.personFacts;
    expect(facts).toEqual([
      { kind: 'SERVICE', validFrom: '2024-06-01', validTo: null },
      { kind: 'COMPLAINT', validFrom: '2024-10-01', validTo: '2024-11-15' },
    ]);
  }, 60_000);
});
