import { type EventContract, type UnitKind } from '@antt/contracts';
import { appendToOutbox, type NewEvent } from '@antt/events';
import { UnitDirectory } from '@antt/unit-directory';
import { CriteriaReader } from '../criteria/criteria.repository';
import { type SafeStandardProposalView } from '../criteria/criteria.types';
import { RuleSetRepository } from '../rule-set/rule-set.repository';
import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { fromDbDate, toDbDate } from '../shared';
import { RecognisingBodyRules } from './recognising-body';
import { type RecognitionAction, type RecognitionRevisionView, type RecognitionStatus, type RecognitionView } from './recognition.types';

/** The envelope `source` of every assessments event. */
export const EVENT_SOURCE = 'assessments';

type Db = PrismaClient | Prisma.TransactionClient;
type RecognitionRow = Prisma.SafeStandardRecognitionGetPayload<object>;

const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 };

function recognitionFromRow(row: RecognitionRow): RecognitionView {
  return {
    id: row.id,
    unitId: row.unitId,
    unitKind: row.unitKind as UnitKind,
    year: row.year,
    status: row.status as RecognitionStatus,
    decidingUnitId: row.decidingUnitId,
    decidedOn: fromDbDate(row.decidedOn),
    recognisedOn: row.recognisedOn ? fromDbDate(row.recognisedOn) : null,
    revokedOn: row.revokedOn ? fromDbDate(row.revokedOn) : null,
    reason: row.reason,
    decisionNumber: row.decisionNumber,
    certificate:
      row.certificateNumber && row.certificateSigner && row.recognisedOn
        ? { number: row.certificateNumber, date: fromDbDate(row.recognisedOn), signer: row.certificateSigner }
        : null,
    revision: row.revision,
  };
}

/** Reads shared by the repository and its transactions. */
export class RecognitionReader {
  constructor(protected readonly db: Db) {}

  /** The unit directory on the same connection (inside a transaction: the transaction's snapshot). */
  get directory(): UnitDirectory {
    return new UnitDirectory(this.db);
  }

  /** R2's dated configuration on the same connection. */
  get bodies(): RecognisingBodyRules {
    return new RecognisingBodyRules(this.db);
  }

  async ofUnitAndYear(unitId: string, year: number): Promise<RecognitionView | null> {
    const row = await this.db.safeStandardRecognition.findUnique({ where: { unitId_year: { unitId, year } } });
    return row ? recognitionFromRow(row) : null;
  }

  async revisions(recognitionId: string): Promise<RecognitionRevisionView[]> {
    const rows = await this.db.recognitionRevision.findMany({ where: { recognitionId }, orderBy: { revision: 'asc' } });
    return rows.map((row) => ({
      revision: row.revision,
      status: row.status as RecognitionStatus,
      decidedOn: fromDbDate(row.decidedOn),
      revokedOn: row.revokedOn ? fromDbDate(row.revokedOn) : null,
      decisionNumber: row.decisionNumber,
      reason: row.reason,
      action: row.action as RecognitionAction,
      actor: row.actor,
      actorUnitId: row.actorUnitId,
      at: row.at,
    }));
  }

  async decidedBy(decidingUnitId: string, year: number): Promise<RecognitionView[]> {
    const rows = await this.db.safeStandardRecognition.findMany({ where: { decidingUnitId, year }, orderBy: [{ decidedOn: 'asc' }, { id: 'asc' }] });
    return rows.map(recognitionFromRow);
  }
}

/** Reads and writes inside one interactive transaction, outbox included. */
export class RecognitionTransaction extends RecognitionReader {
  constructor(private readonly tx: Prisma.TransactionClient) {
    super(tx);
  }

  /** Serialises decisions about one unit and year (R3) until the transaction ends. */
  async lockUnitYear(unitId: string, year: number): Promise<void> {
    await this.tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', `recognition:${unitId}:${year}`);
  }

  /**
   * The safe-standard outcome the unit's assessment of the year proposes (its criteria evaluated in this transaction), null when
   * the unit has no assessment for the year.
   */
  async safeStandardProposal(unitId: string, year: number, today: string): Promise<{ assessmentId: string; proposal: SafeStandardProposalView } | null> {
    const assessment = await this.tx.assessment.findUnique({ where: { unitId_year: { unitId, year } }, select: { id: true, ruleSetId: true } });
    const ruleSet = assessment ? await new RuleSetRepository(this.tx).find(assessment.ruleSetId) : null;
    if (!assessment || !ruleSet) return null;
    return { assessmentId: assessment.id, proposal: await new CriteriaReader(this.tx).proposal({ assessmentId: assessment.id, unitId, year, ruleSet }, today) };
  }

  /** Ids of the unit's registered incidents dated in [from, to] (R6). */
  async incidentsIn(unitId: string, from: string, to: string): Promise<string[]> {
    const rows = await this.tx.securityIncident.findMany({ where: { unitId, occurredOn: { gte: toDbDate(from), lte: toDbDate(to) } }, select: { id: true }, orderBy: { occurredOn: 'asc' } });
    return rows.map((row) => row.id);
  }

  async insert(recognition: RecognitionView, decidedBy: string): Promise<void> {
    await this.tx.safeStandardRecognition.create({
      data: {
        id: recognition.id,
        unitId: recognition.unitId,
        unitKind: recognition.unitKind,
        year: recognition.year,
        status: recognition.status,
        decidingUnitId: recognition.decidingUnitId,
        decidedOn: toDbDate(recognition.decidedOn),
        recognisedOn: recognition.recognisedOn ? toDbDate(recognition.recognisedOn) : null,
        revokedOn: recognition.revokedOn ? toDbDate(recognition.revokedOn) : null,
        reason: recognition.reason,
        decisionNumber: recognition.decisionNumber,
        certificateNumber: recognition.certificate?.number ?? null,
        certificateSigner: recognition.certificate?.signer ?? null,
        revision: recognition.revision,
        decidedBy,
      },
    });
  }

  /** A revocation or a correction replaces the current state (the revisions keep every earlier one). */
  async update(recognition: RecognitionView): Promise<void> {
    await this.tx.safeStandardRecognition.update({
      where: { id: recognition.id },
      data: {
        status: recognition.status,
        decidingUnitId: recognition.decidingUnitId,
        decidedOn: toDbDate(recognition.decidedOn),
        recognisedOn: recognition.recognisedOn ? toDbDate(recognition.recognisedOn) : null,
        revokedOn: recognition.revokedOn ? toDbDate(recognition.revokedOn) : null,
        reason: recognition.reason,
        decisionNumber: recognition.decisionNumber,
        certificateNumber: recognition.certificate?.number ?? null,
        certificateSigner: recognition.certificate?.signer ?? null,
        revision: recognition.revision,
      },
    });
  }

  /** Records the published revision; `audit` names what it did and, for a correction, why (the state's reason otherwise). */
  async addRevision(recognition: RecognitionView, actor: { subject: string; unitId: string }, audit: { action: RecognitionAction; reason?: string } = { action: 'DECIDED' }): Promise<void> {
    await this.tx.recognitionRevision.create({
      data: {
        recognitionId: recognition.id,
        revision: recognition.revision,
        status: recognition.status,
        decidedOn: toDbDate(recognition.decidedOn),
        revokedOn: recognition.revokedOn ? toDbDate(recognition.revokedOn) : null,
        decisionNumber: recognition.decisionNumber,
        reason: audit.reason ?? recognition.reason,
        action: audit.action,
        actor: actor.subject,
        actorUnitId: actor.unitId,
      },
    });
  }

  async appendEvents(events: ReadonlyArray<NewEvent<EventContract>>): Promise<void> {
    await appendToOutbox(this.tx, events, { source: EVENT_SOURCE });
  }
}

/** Entry point of recognition persistence: reads outside transactions, writes through {@link transaction}. */
export class RecognitionRepository extends RecognitionReader {
  constructor(private readonly prisma: PrismaClient) {
    super(prisma);
  }

  /** Runs `work` in one interactive transaction: state and outbox rows commit or roll back together. */
  transaction<T>(work: (tx: RecognitionTransaction) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => work(new RecognitionTransaction(tx)), TRANSACTION_OPTIONS);
  }
}
