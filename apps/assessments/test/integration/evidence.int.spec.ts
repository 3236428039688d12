import { createHash } from 'node:crypto';
import { systemClock } from '@antt/service-kit';
import { EvidenceService } from '../../src/domain/evidence';
import { FileSystemEvidenceStorage } from '../../src/infrastructure/filesystem-evidence-storage';
import { type AssessmentsHarness, as, startHarness, tableCounts } from '../support/assessments-harness';
import { APPROVE_ASSESSMENT, ASSESSMENT_EVIDENCE, ATTACH_EVIDENCE, EVIDENCE_FILE, SUBMIT_ASSESSMENT } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

const villageScores = () =>
  Object.entries({ RESOLUTION_AND_PLANS: 5, PARTICIPATION: 14, FESTIVAL_DAY: 10, SELF_MANAGEMENT_MODEL: 18, CRIME_PREVENTION: 28, DISPUTE_MEDIATION: 17 }).map(([itemCode, score]) => ({ itemCode, score }));
const sha = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Title (Bien ban hop dan thon Hoi Thuong) >> endobj\n%%EOF\n');

/**
 * Evidence files through the gateway (the harness stores them in a fresh directory, limit 4 KiB, PDF/JPEG/PNG): a village attaches
 * the minutes of its meeting to an item, the checksum recorded and the file read back within jurisdiction only; a file that is too
 * large, of a forbidden type, damaged (checksum) or aimed at a derived criterion is refused with a stable reason and leaves neither a
 * row nor a file; a storage that fails after writing leaves nothing either.
 */
describe('assessments: evidence files', () => {
  let h: AssessmentsHarness;
  const { id, states } = seedTree();
  const commune = as('ca@vuhoi', 'LEVEL_OFFICER', id.vh);
  const outsider = as('ca@quangbinh', 'LEVEL_OFFICER', id.qb);
  const villageOfficer = as('truongthon@hoithuong', 'UNIT_OFFICER', id.vh1);
  const neighbourOfficer = as('truongthon@hoiha', 'UNIT_OFFICER', id.vh2);
  let assessmentId = '';
  const attach = (overrides: Record<string, unknown> = {}, content = PDF) => ({
    input: { assessmentId, itemCode: 'FESTIVAL_DAY', fileName: 'bien-ban-ngay-hoi.pdf', contentType: 'application/pdf', contentBase64: content.toString('base64'), sha256: sha(content), ...overrides },
  });

  beforeAll(async () => {
    h = await startHarness('2024-11-25');
    await h.project(states);
    const submitted = await h.request<Data>(SUBMIT_ASSESSMENT, { input: { unitId: id.vh1, year: 2024, submittedOn: '2024-11-05', scores: villageScores() } }, villageOfficer);
    assessmentId = submitted.data!.submitAssessment.id;
  });
  afterAll(async () => h?.close());

  it('attaches a file to an item with its checksum; the file is stored and read back by who sees the assessment, by nobody else', async () => {
    const attached = await h.request<Data>(ATTACH_EVIDENCE, attach(), villageOfficer);
    expect(attached.errors).toBeUndefined();
    const file = attached.data!.attachEvidence;
    expect(file).toMatchObject({ itemCode: 'FESTIVAL_DAY', criterionCode: null, fileName: 'bien-ban-ngay-hoi.pdf', contentType: 'application/pdf', sizeBytes: PDF.length, sha256: sha(PDF), uploadedBy: 'truongthon@hoithuong' });
    expect(await h.evidenceFiles()).toEqual([`${assessmentId}/${file.id}`]);

    const read = await h.request<Data>(EVIDENCE_FILE, { id: file.id }, commune);
    expect(Buffer.from(read.data!.evidenceFile.contentBase64, 'base64').equals(PDF)).toBe(true);
    const listed = await h.request<Data>(ASSESSMENT_EVIDENCE, { id: assessmentId }, commune);
    expect(listed.data!.assessment.evidenceFiles.map((entry: Data) => entry.id)).toEqual([file.id]);
    expect((await h.request<Data>(EVIDENCE_FILE, { id: file.id }, outsider)).data!.evidenceFile).toBeNull();
    expect((await h.request<Data>(EVIDENCE_FILE, { id: file.id }, neighbourOfficer)).data!.evidenceFile).toBeNull();

    const onCriterion = await h.request<Data>(ATTACH_EVIDENCE, attach({ itemCode: null, criterionCode: 'RA_1', fileName: 'nghi-quyet-chi-bo.pdf' }), commune);
    expect(onCriterion.data!.attachEvidence).toMatchObject({ itemCode: null, criterionCode: 'RA_1' });
  });

  const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0x20)]);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  const cases: Array<[string, () => [Record<string, unknown>, Parameters<AssessmentsHarness['request']>[2]], { code: string; reason: string; field?: string }]> = [
    ['a file over the size limit', () => [attach({}, big), villageOfficer], { code: 'BAD_USER_INPUT', reason: 'EVIDENCE_TOO_LARGE', field: 'contentBase64' }],
    ['a forbidden content type', () => [attach({ contentType: 'application/x-msdownload', fileName: 'setup.exe' }), villageOfficer], { code: 'BAD_USER_INPUT', reason: 'EVIDENCE_TYPE_FORBIDDEN', field: 'contentType' }],
    ['content that is not the declared type', () => [attach({ contentType: 'image/png' }), villageOfficer], { code: 'BAD_USER_INPUT', reason: 'EVIDENCE_TYPE_MISMATCH', field: 'contentBase64' }],
    ['a checksum that does not match the content', () => [attach({ sha256: sha(png) }), villageOfficer], { code: 'BAD_USER_INPUT', reason: 'EVIDENCE_CHECKSUM_MISMATCH', field: 'sha256' }],
    ['a checksum that is no SHA-256', () => [attach({ sha256: 'abc' }), villageOfficer], { code: 'BAD_USER_INPUT', reason: 'EVIDENCE_CHECKSUM_INVALID', field: 'sha256' }],
    ['a path as file name', () => [attach({ fileName: '../../etc/passwd' }), villageOfficer], { code: 'BAD_USER_INPUT', reason: 'EVIDENCE_FILE_NAME_INVALID', field: 'fileName' }],
    ['both an item and a criterion', () => [attach({ criterionCode: 'RA_1' }), villageOfficer], { code: 'BAD_USER_INPUT', reason: 'EVIDENCE_TARGET_REQUIRED', field: 'itemCode' }],
    ['an unknown item', () => [attach({ itemCode: 'WEATHER' }), villageOfficer], { code: 'BAD_USER_INPUT', reason: 'ASSESSMENT_ITEM_UNKNOWN', field: 'itemCode' }],
    ['a derived criterion (R6 is computed)', () => [attach({ itemCode: null, criterionCode: 'RA_3' }), villageOfficer], { code: 'BAD_USER_INPUT', reason: 'ASSESSMENT_CRITERION_DERIVED', field: 'criterionCode' }],
    ['an outsider (answered as absent)', () => [attach(), outsider], { code: 'NOT_FOUND', reason: 'ASSESSMENT_NOT_FOUND', field: 'assessmentId' }],
    ['another unit’s officer (answered as absent)', () => [attach(), neighbourOfficer], { code: 'NOT_FOUND', reason: 'ASSESSMENT_NOT_FOUND', field: 'assessmentId' }],
  ];

  it.each(cases)('%s is refused with a stable reason, leaving no row and no file', async (_, operation, expected) => {
    const before = await tableCounts(h.prisma);
    const files = await h.evidenceFiles();
    const [variables, caller] = operation();
    const response = await h.request<Data>(ATTACH_EVIDENCE, variables, caller);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject(expected);
    expect(await tableCounts(h.prisma)).toEqual(before);
    expect(await h.evidenceFiles()).toEqual(files);
  });

  it('a storage that fails once the file is written rolls the row back and leaves no file behind', async () => {
    const real = await FileSystemEvidenceStorage.open(h.evidenceDir);
    const failing = {
      put: async (key: string, content: Buffer) => {
        await real.put(key, content);
        throw new Error('disk full after write');
      },
      get: (key: string) => real.get(key),
      remove: (key: string) => real.remove(key),
    };
    const service = new EvidenceService(h.prisma, systemClock('Asia/Ho_Chi_Minh'), { storage: failing, maxBytes: 4096, allowedTypes: ['application/pdf'] });
    const before = await tableCounts(h.prisma);
    const files = await h.evidenceFiles();
    await expect(service.attach({ caller: villageOfficer, correlationId: undefined }, attach().input)).rejects.toThrow('disk full after write');
    expect(await tableCounts(h.prisma)).toEqual(before);
    expect(await h.evidenceFiles()).toEqual(files);
  });

  it('no evidence is attached once the assessment is approved', async () => {
    const levels = [commune, as('ca@vuthu', 'LEVEL_OFFICER', id.vt), as('pv05@thaibinh', 'LEVEL_OFFICER', id.tb)];
    for (const level of levels) expect((await h.request<Data>(APPROVE_ASSESSMENT, { input: { assessmentId, approvedOn: '2024-11-20' } }, level)).errors).toBeUndefined();
    const before = await tableCounts(h.prisma);
    const response = await h.request<Data>(ATTACH_EVIDENCE, attach(), villageOfficer);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EVIDENCE_ASSESSMENT_CLOSED', field: 'assessmentId' });
    expect(await tableCounts(h.prisma)).toEqual(before);
  });
});
