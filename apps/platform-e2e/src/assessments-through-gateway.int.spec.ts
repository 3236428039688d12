import { createHash } from 'node:crypto';
import pg from 'pg';
import { untilInDirectory } from './support/directory-reader';
import { eventually, sharedStack, type Stack } from './support/stack';
import { type CreateUnit, testUnits } from './support/test-units';

/**
 * Assessments as a client sees them through the gateway, on the assessments unit directory fed through Kafka from org-units: a
 * village of Thái Bình scores itself and answers the safe-standard criteria of the seeded 2024 rule set, attaches a file of evidence
 * (base64 through the gateway), the chain commune → district → province approves it, its commune recognises it, and org-units'
 * Unit carries the classification and the safe-standard decision; the relay publishes the decisions. The commune's own criteria
 * path: its derived disciplined-officer criterion turns met once the district records the fact.
 */
const SUBMIT = `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { id status reviewingUnit { id } totalScore safeStandardProposal { outcome failedCriteria } } }`;
const APPROVE = `mutation($input: ApproveAssessmentInput!) { approveAssessment(input: $input) { status reviewingUnit { id } } }`;
const ATTACH = `mutation($input: AttachEvidenceInput!) { attachEvidence(input: $input) { id sizeBytes sha256 } }`;
const CRITERIA = `query($id: ID!) { assessment(id: $id) { criteria { criterion { code } met derived inputs { summary discipline { disciplinedOfficers } } } safeStandardProposal { outcome failedCriteria } } }`;
const RECORD_DISCIPLINE = `mutation($input: RecordCommunePoliceDisciplineInput!) { recordCommunePoliceDiscipline(input: $input) { disciplinedOfficers recordedByUnit { name } } }`;
const DECIDE = `mutation($input: DecideRecognitionInput!) { decideSafeStandard(input: $input) { status decidingUnit { name } } }`;

describe('assessments through the gateway', () => {
  let stack: Stack;
  let create: CreateUnit;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = sharedStack();
    ({ create } = await testUnits(stack, ids, '2020-01-01'));
    // The rule sets are Thái Bình's (province code TB): the one fixed code in the shared stack, taken by this file alone.
    await create('P', { kind: 'PROVINCE', name: 'Tỉnh Thái Bình', code: 'TB' });
    await create('D', { kind: 'DISTRICT', name: 'Huyện Vũ Thư', parentId: ids.P });
    await create('C', { kind: 'COMMUNE', name: 'Xã Vũ Hội', parentId: ids.D });
    await create('R', { kind: 'RESIDENTIAL_AREA', name: 'Thôn Hội Thượng', parentId: ids.C });
    await untilInDirectory(stack.assessmentsDatabase.url, ids.R!, 'the village in the assessments directory');
  }, 180_000);


  it('a village submits with its criteria and evidence, the chain approves, its commune recognises it; Unit joins both, and the relay publishes the decisions', async () => {
    // The village officer sees its own unit only: the reviewing commune is asked by id (org-units hides its name from it).
    const village = await stack.token(['UNIT_OFFICER'], ids.R!);
    const commune = await stack.token(['LEVEL_OFFICER'], ids.C!);
    const district = await stack.token(['LEVEL_OFFICER'], ids.D!);
    const province = await stack.token(['LEVEL_OFFICER'], ids.P!);
    const criteria = ['RA_1', 'RA_2', 'RA_4', 'RA_5', 'PROVINCE_ADDITIONS'].map((criterionCode) => ({ criterionCode, met: true, evidence: `Hồ sơ ${criterionCode}` }));
    const scores = Object.entries({ RESOLUTION_AND_PLANS: 5, PARTICIPATION: 14, FESTIVAL_DAY: 9, SELF_MANAGEMENT_MODEL: 16, CRIME_PREVENTION: 26, DISPUTE_MEDIATION: 15 }).map(([itemCode, score]) => ({ itemCode, score }));
    const submitted = await stack.query<{ submitAssessment: { id: string; status: string; reviewingUnit: { id: string }; totalScore: number } }>(
      SUBMIT,
      { input: { unitId: ids.R, year: 2024, submittedOn: '2024-11-05', scores, criteria } },
      village,
    );
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitAssessment).toMatchObject({ status: 'SUBMITTED', reviewingUnit: { id: ids.C }, totalScore: 85, safeStandardProposal: { outcome: 'ACHIEVED', failedCriteria: [] } });
    const assessmentId = submitted.data!.submitAssessment.id;

    const minutes = Buffer.from('%PDF-1.7\n% Biên bản họp dân thôn Hội Thượng\n%%EOF\n');
    const sha256 = createHash('sha256').update(minutes).digest('hex');
    const attached = await stack.query<{ attachEvidence: { sizeBytes: number; sha256: string } }>(
      ATTACH,
      { input: { assessmentId, criterionCode: 'RA_1', fileName: 'bien-ban-hop-dan.pdf', contentType: 'application/pdf', contentBase64: minutes.toString('base64'), sha256 } },
      village,
    );
    expect(attached.errors).toBeUndefined();
    expect(attached.data!.attachEvidence).toMatchObject({ sizeBytes: minutes.length, sha256 });

    for (const [level, next] of [[commune, ids.D], [district, ids.P]] as const) {
      const forwarded = await stack.query<{ approveAssessment: { status: string; reviewingUnit: { id: string } } }>(APPROVE, { input: { assessmentId, approvedOn: '2024-11-10' } }, level);
      expect(forwarded.data!.approveAssessment).toEqual({ status: 'SUBMITTED', reviewingUnit: { id: next } });
    }
    const approved = await stack.query<{ approveAssessment: { status: string } }>(APPROVE, { input: { assessmentId, approvedOn: '2024-11-18', decisionNumber: '131/QĐ-UBND' } }, province);
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
        // The village's events (each is keyed by its unit); the commune's own submission comes in the next test.
        const { rows } = await pool.query<{ type: string }>('SELECT type FROM outbox_event WHERE published_at IS NOT NULL AND aggregate_id = $1 ORDER BY seq', [ids.R]);
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

  it('the commune’s own criteria path: the disciplined-officer criterion is derived, and met once the district records no disciplined officer', async () => {
    const commune = await stack.token(['LEVEL_OFFICER'], ids.C!);
    const district = await stack.token(['LEVEL_OFFICER'], ids.D!);
    const scores = Object.entries({ RESOLUTION_AND_PLANS: 5, PARTICIPATION: 9, FESTIVAL_DAY: 9, SELF_MANAGEMENT_MODEL: 14, CRIME_PREVENTION: 28, RESIDENTIAL_AREAS_SAFE: 16, POLICE_FORCE: 9 }).map(([itemCode, score]) => ({ itemCode, score }));
    const criteria = ['C_1', 'C_3', 'PROVINCE_ADDITIONS'].map((criterionCode) => ({ criterionCode, met: true }));
    const submitted = await stack.query<{ submitAssessment: { id: string } }>(SUBMIT, { input: { unitId: ids.C, year: 2024, submittedOn: '2024-11-20', scores, criteria } }, commune);
    expect(submitted.errors).toBeUndefined();
    type Criteria = { assessment: { criteria: Array<{ criterion: { code: string }; met: boolean; derived: boolean; inputs: { summary: string; discipline: { disciplinedOfficers: number } | null } | null }>; safeStandardProposal: { outcome: string; failedCriteria: string[] } } };
    const c4 = async () => (await stack.query<Criteria>(CRITERIA, { id: submitted.data!.submitAssessment.id }, district)).data!.assessment;
    const before = await c4();
    expect(before.criteria.find((c) => c.criterion.code === 'C_4')).toMatchObject({ met: false, derived: true, inputs: { discipline: null } });
    // No effective-model fact from models for this commune, and the village is recognised but not registered: C_2 and C_5 fail too.
    expect(before.safeStandardProposal).toEqual({ outcome: 'NOT_ACHIEVED', failedCriteria: ['C_2', 'C_4', 'C_5'] });

    const recorded = await stack.query<{ recordCommunePoliceDiscipline: { disciplinedOfficers: number; recordedByUnit: { name: string } } }>(
      RECORD_DISCIPLINE,
      { input: { communeId: ids.C, year: 2024, disciplinedOfficers: 0, recordedOn: '2024-11-21', note: 'Báo cáo của Công an huyện' } },
      district,
    );
    expect(recorded.data!.recordCommunePoliceDiscipline).toEqual({ disciplinedOfficers: 0, recordedByUnit: { name: 'Huyện Vũ Thư' } });
    const after = await c4();
    expect(after.criteria.find((c) => c.criterion.code === 'C_4')).toMatchObject({ met: true, inputs: { discipline: { disciplinedOfficers: 0 } } });
    expect(after.safeStandardProposal.failedCriteria).toEqual(['C_2', 'C_5']);
  });
});
