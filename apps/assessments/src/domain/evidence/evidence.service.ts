import { randomUUID } from 'node:crypto';
import { type Caller, requireCaller, requireRole } from '@antt/auth';
import { type Clock, inputId } from '@antt/service-kit';
import { UnitDirectory } from '@antt/unit-directory';
import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { assessmentErrors } from '../assessment/assessment.errors';
import { SUBMITTER_ROLES } from '../assessment/assessment.service';
import { type CommandContext } from '../recognition/recognition.service';
import { RuleSetRepository } from '../rule-set/rule-set.repository';
import { fromDbDate, seesUnit } from '../shared';
import { checkFileName, checkUpload, evidenceErrors, sha256Hex } from './evidence.rules';
import { type EvidenceRules } from './evidence.storage';
import { type AttachEvidenceInput, type EvidenceFileView } from './evidence.types';

const MAX_FILES_PER_ASSESSMENT = 100;

type EvidenceRow = Prisma.EvidenceFileGetPayload<object>;
const fromRow = (row: EvidenceRow): EvidenceFileView => ({ ...row });

/**
 * Evidence files of an assessment's items and criteria (issue 8, item 3). Everything is checked before anything is written (type,
 * size, base64, checksum, the target item or criterion, the caller's reach); the row is inserted and the file stored inside one
 * transaction, and a file stored for a transaction that then fails is removed: no row without its file, no orphan file.
 */
export class EvidenceService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    private readonly rules: EvidenceRules,
  ) {}

  async attach(context: CommandContext, raw: AttachEvidenceInput): Promise<EvidenceFileView> {
    const identity = requireRole(context.caller, SUBMITTER_ROLES);
    const assessmentId = inputId(raw.assessmentId, { field: 'assessmentId' });
    const itemCode = raw.itemCode ?? null;
    const criterionCode = raw.criterionCode ?? null;
    if ((itemCode === null) === (criterionCode === null)) throw evidenceErrors.targetRequired();
    const fileName = checkFileName(raw.fileName);
    const file = checkUpload(raw, this.rules);
    const id = randomUUID();
    const storageKey = `${assessmentId}/${id}`;
    let stored = false;
    try {
      return await this.prisma.$transaction(
        async (tx) => {
          const locked = await tx.$queryRawUnsafe<Array<{ unit_id: string; status: string; rule_set_id: string; submitted_on: Date }>>(
            'SELECT unit_id::text, status, rule_set_id::text, submitted_on FROM assessment WHERE id = $1::uuid FOR UPDATE',
            assessmentId,
          );
          const assessment = locked[0];
          const directory = new UnitDirectory(tx);
          const today = this.clock.today();
          const submittedOn = assessment ? fromDbDate(assessment.submitted_on) : today;
          if (!assessment || !(await seesUnit(directory, identity, assessment.unit_id, [today, submittedOn]))) throw assessmentErrors.notFound(assessmentId);
          const unitOfficerOnly = identity.roles.every((role) => role === 'UNIT_OFFICER');
          if (unitOfficerOnly && identity.jurisdictionUnitId !== assessment.unit_id) throw assessmentErrors.notFound(assessmentId);
          if (assessment.status === 'APPROVED') throw evidenceErrors.assessmentClosed(assessment.status);
          const ruleSet = await new RuleSetRepository(tx).find(assessment.rule_set_id);
          if (!ruleSet) throw new Error(`Rule set ${assessment.rule_set_id} of assessment ${assessmentId} is missing`);
          if (itemCode !== null && !ruleSet.items.some((item) => item.code === itemCode)) throw assessmentErrors.itemUnknown('itemCode', itemCode);
          if (criterionCode !== null) {
            const criterion = ruleSet.criteria.find((candidate) => candidate.code === criterionCode);
            if (!criterion) throw assessmentErrors.criterionUnknown('criterionCode', criterionCode);
            if (criterion.derivation !== null) throw assessmentErrors.criterionDerived('criterionCode', criterion.code, criterion.derivation);
          }
          if ((await tx.evidenceFile.count({ where: { assessmentId } })) >= MAX_FILES_PER_ASSESSMENT) throw evidenceErrors.tooManyFiles(MAX_FILES_PER_ASSESSMENT);
          const row = await tx.evidenceFile.create({
            data: {
              id,
              assessmentId,
              itemCode,
              criterionCode,
              fileName,
              contentType: file.contentType,
              sizeBytes: file.content.length,
              sha256: file.sha256,
              storageKey,
              uploadedBy: identity.subject,
              uploadedByUnitId: identity.jurisdictionUnitId,
            },
          });
          // Last step of the transaction: if storing fails the row rolls back; if the commit fails the file is removed below.
          stored = true;
          await this.rules.storage.put(storageKey, file.content);
          return fromRow(row);
        },
        { maxWait: 10_000, timeout: 60_000 },
      );
    } catch (error) {
      if (stored) await this.rules.storage.remove(storageKey);
      throw error;
    }
  }

  /** One file, when its assessment's unit lies in the caller's jurisdiction today or on the submission date. */
  async find(caller: Caller, rawId: string): Promise<EvidenceFileView | null> {
    const identity = requireCaller(caller);
    const id = inputId(rawId, { field: 'id' });
    const row = await this.prisma.evidenceFile.findUnique({ where: { id }, include: { assessment: { select: { unitId: true, submittedOn: true } } } });
    if (!row) return null;
    const visible = await seesUnit(new UnitDirectory(this.prisma), identity, row.assessment.unitId, [this.clock.today(), fromDbDate(row.assessment.submittedOn)]);
    if (!visible) return null;
    const { assessment: _assessment, ...file } = row;
    return fromRow(file);
  }

  /** The files of an assessment the caller already sees. */
  async ofAssessment(assessmentId: string): Promise<EvidenceFileView[]> {
    const rows = await this.prisma.evidenceFile.findMany({ where: { assessmentId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    return rows.map(fromRow);
  }

  /** The stored content, base64, checked against the recorded checksum. */
  async contentOf(file: EvidenceFileView): Promise<string> {
    const content = await this.rules.storage.get(file.storageKey);
    if (content === null) throw new Error(`Evidence ${file.id} is missing from the storage`);
    if (sha256Hex(content) !== file.sha256) throw new Error(`Evidence ${file.id} does not match its recorded checksum`);
    return content.toString('base64');
  }
}
