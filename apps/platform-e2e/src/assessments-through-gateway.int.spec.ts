import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDirectory } from './support/directory-reader';
import { eventually, startStack, type Stack } from './support/stack';

/**
 * Assessments as a client sees them through the gateway, on the assessments unit directory fed through Kafka from org-units: a
 * village of Thái Bình scores itself against the seeded 2024 rule set, its commune approves it and recognises it, and org-units'
 * Unit carries the classification and the safe-standard decision; the relay publishes the decisions.
 */
const CREATE_UNIT = `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id revision } }`;
const SUBMIT = `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { id status reviewingUnit { id } totalScore } }`;
const APPROVE = `mutation($input: ApproveAssessmentInput!) { approveAssessment(input: $input) { status } }`;
const DECIDE = `mutation($input: DecideRecognitionInput!) { decideSafeStandard(input: $input) { status decidingUnit { name } } }`;

describe('assessments through the gateway', () => {
  let stack: Stack;
  let admin: string;
  const tag = randomUUID().slice(0, 8).toUpperCase();
  const ids: Record<string, string> = {};

  async function create(key: string, input: Record<string, unknown>): Promise<void> {
    const result = await stack.query<{ createUnit: { id: string } }>(CREATE_UNIT, { input: { effectiveDate: '2020-01-01', code: `${tag}-${key}`, ...input } }, admin);
    expect(result.errors).toBeUndefined();
    ids[key] = result.data!.createUnit.id;
  }

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.token(['SYSTEM_ADMIN'], randomUUID());
    // The rule sets are Thái Bình's (province code TB); each stack has its own org-units database.
    await create('P', { kind: 'PROVINCE', name: 'Tỉnh Thái Bình', code: 'TB' });
    await create('D', { kind: 'DISTRICT', name: 'Huyện Vũ Thư', parentId: ids.P });
    await create('C', { kind: 'COMMUNE', name: 'Xã Vũ Hội', parentId: ids.D });
    await create('R', { kind: 'RESIDENTIAL_AREA', name: 'Thôn Hội Thượng', parentId: ids.C });
    const { directory, close } = openDirectory(stack.assessmentsDatabase.url);
    try {
      await eventually(async () => ((await directory.revisionOf(ids.R!)) !== null ? true : undefined), 60_000, 'the village in the assessments directory');
    } finally {
      await close();
    }
  }, 180_000);

  afterAll(async () => stack?.stop());

  it('a village submits, its commune approves and recognises it; Unit joins both, and the relay publishes the decisions', async () => {
    // The village officer sees its own unit only: the reviewing commune is asked by id (org-units hides its name from it).
    const village = await stack.token(['UNIT_OFFICER'], ids.R!);
    const commune = await stack.token(['LEVEL_OFFICER'], ids.C!);
    const scores = Object.entries({ RESOLUTION_AND_PLANS: 5, PARTICIPATION: 14, FESTIVAL_DAY: 9, SELF_MANAGEMENT_MODEL: 16, CRIME_PREVENTION: 26, DISPUTE_MEDIATION: 15 }).map(([itemCode, score]) => ({ itemCode, score }));
    const submitted = await stack.query<{ submitAssessment: { id: string; status: string; reviewingUnit: { id: string }; totalScore: number } }>(
      SUBMIT,
      { input: { unitId: ids.R, year: 2024, submittedOn: '2024-11-05', scores } },
      village,
    );
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitAssessment).toMatchObject({ status: 'SUBMITTED', reviewingUnit: { id: ids.C }, totalScore: 85 });

    const approved = await stack.query<{ approveAssessment: { status: string } }>(APPROVE, { input: { assessmentId: submitted.data!.submitAssessment.id, approvedOn: '2024-11-18', decisionNumber: '131/QĐ-UBND' } }, commune);
    expect(approved.data!.approveAssessment.status).toBe('APPROVED');
    const decided = await stack.query<{ decideSafeStandard: { status: string; decidingUnit: { name: string } } }>(
      DECIDE,
      { input: { unitId: ids.R, year: 2024, outcome: 'ACHIEVED', decidedOn: '2024-12-05', decisionNumber: '125/QĐ-UBND', certificateSigner: 'Chủ tịch UBND xã Vũ Hội' } },
      commune,
    );
    expect(decided.data!.decideSafeStandard).toEqual({ status: 'RECOGNISED', decidingUnit: { name: 'Xã Vũ Hội' } });

    const joined = await stack.query<{ unit: Record<string, unknown> }>(
      `query($id: ID!) { unit(id: $id) { name safeStandard(year: 2024) { status certificate { number signer } } classification(year: 2024) { classification score ruleSetVersion } assessments { year status } } }`,
      { id: ids.R },
      commune,
    );
    expect(joined.errors).toBeUndefined();
    expect(joined.data!.unit).toEqual({
      name: 'Thôn Hội Thượng',
      safeStandard: { status: 'RECOGNISED', certificate: { number: '125/QĐ-UBND', signer: 'Chủ tịch UBND xã Vũ Hội' } },
      classification: { classification: 'GOOD', score: 85, ruleSetVersion: 'TB-2024-RESIDENTIAL_AREA' },
      assessments: [{ year: 2024, status: 'APPROVED' }],
    });

    const pool = new pg.Pool({ connectionString: stack.assessmentsDatabase.url, max: 1 });
    try {
      const published = await eventually(async () => {
        const { rows } = await pool.query<{ type: string }>('SELECT type FROM outbox_event WHERE published_at IS NOT NULL ORDER BY seq');
        return rows.length === 4 ? rows.map((row) => row.type) : undefined;
      }, 30_000, 'the relay publishing the four events');
      expect(published).toEqual([
        'assessments.assessment.submitted.v1',
        'assessments.assessment.approved.v1',
        'assessments.classification.decided.v1',
        'assessments.recognition.decided.v1',
      ]);
    } finally {
      await pool.end();
    }
  });
});
