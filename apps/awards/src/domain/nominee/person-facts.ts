import { randomUUID } from 'node:crypto';
import { type Caller, type Identity } from '@antt/auth';
import { type Clock, fromDbDate, toDbDate } from '@antt/service-kit';
import { UnitDirectory } from '@antt/unit-directory';
import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { type AwardsInput, type AwardsPolicy, awardErrors } from '../shared';

export const PERSON_FACT_KINDS = ['SERVICE', 'COMPLAINT'] as const;
export type PersonFactKind = (typeof PERSON_FACT_KINDS)[number];

export interface PersonFactView {
  id: string;
  kind: PersonFactKind;
  validFrom: string;
  validTo: string | null;
}

export interface PersonFactChangeView {
  action: 'RECORDED' | 'CLOSED';
  actor: string;
  actorUnitId: string;
  at: string;
  onDate: string;
  reason: string;
}

export interface RecordPersonFactInput {
  nominationId: string;
  kind: PersonFactKind;
  from: string;
  reason: string;
}

type Row = { id: string; kind: string; validFrom: Date; validTo: Date | null };
const view = (row: Row): PersonFactView => ({ id: row.id, kind: row.kind as PersonFactKind, validFrom: fromDbDate(row.validFrom), validTo: row.validTo ? fromDbDate(row.validTo) : null });

/**
 * Dated facts about a nominee's person — active service in a grassroots security team, pending complaints — recorded and closed
 * by the provincial police (STEERING_OFFICER) through an individual nomination whose unit lies in their jurisdiction, each move
 * one transaction with its audit row. A fact is kept against the person's blind index, so it holds for every nomination of the
 * same person; eligibility reads it as of a date (`MONTHS_OF_SERVICE`, `NO_PENDING_COMPLAINT`).
 */
export class PersonFactService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly policy: AwardsPolicy,
    private readonly clock: Clock,
    private readonly input: AwardsInput,
  ) {}

  async record(caller: Caller, raw: RecordPersonFactInput): Promise<PersonFactView> {
    const identity = this.policy.receiver(caller);
    const nominationId = this.input.id(raw.nominationId, 'input.nominationId');
    if (!(PERSON_FACT_KINDS as readonly string[]).includes(raw.kind)) throw awardErrors.invalidCondition('input.kind', 'unknown kind');
    const from = this.input.date(raw.from, 'input.from');
    const reason = this.input.text(raw.reason, 'input.reason', 1000);
    const today = this.clock.today();
    if (from > today) throw awardErrors.invalidFactPeriod('input.from', 'lies in the future');
    return this.prisma.$transaction(async (tx) => {
      const nomination = await tx.nomination.findUnique({ where: { id: nominationId }, select: { unitId: true, subjectKey: true, recipientKind: true } });
      if (!nomination || !(await this.policy.sees(new UnitDirectory(tx), identity, nomination.unitId, today))) throw awardErrors.nominationNotFound(nominationId, 'input.nominationId');
      if (nomination.recipientKind !== 'INDIVIDUAL') throw awardErrors.invalidNominee('input.nominationId', 'person facts are recorded for individual nominees only');
      const row = await tx.personFact.create({ data: { id: randomUUID(), subjectKey: nomination.subjectKey, kind: raw.kind, unitId: nomination.unitId, validFrom: toDbDate(from) } });
      await this.audit(tx, identity, row.id, 'RECORDED', from, reason);
      return view(row);
    });
  }

  async close(caller: Caller, rawId: string, rawOn: string, rawReason: string): Promise<PersonFactView> {
    const identity = this.policy.receiver(caller);
    const id = this.input.id(rawId, 'id');
    const on = this.input.date(rawOn, 'on');
    const reason = this.input.text(rawReason, 'reason', 1000);
    const today = this.clock.today();
    return this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRawUnsafe<Array<{ id: string }>>('SELECT id::text FROM person_fact WHERE id = $1::uuid FOR UPDATE', id);
      const row = locked.length > 0 ? await tx.personFact.findUnique({ where: { id } }) : null;
      if (!row || !(await this.policy.sees(new UnitDirectory(tx), identity, row.unitId, today))) throw awardErrors.personFactNotFound(id);
      if (row.validTo) throw awardErrors.invalidFactPeriod('id', 'the fact is already closed');
      if (on <= fromDbDate(row.validFrom)) throw awardErrors.invalidFactPeriod('on', 'must lie after the fact’s start');
      if (on > today) throw awardErrors.invalidFactPeriod('on', 'lies in the future');
      const next = await tx.personFact.update({ where: { id }, data: { validTo: toDbDate(on), revision: { increment: 1 } } });
      await this.audit(tx, identity, id, 'CLOSED', on, reason);
      return view(next);
    });
  }

  /** The person's facts (by subject key), for a nomination the caller already reads. */
  async ofSubject(subjectKey: string): Promise<PersonFactView[]> {
    const rows = await this.prisma.personFact.findMany({ where: { subjectKey }, orderBy: [{ validFrom: 'asc' }, { id: 'asc' }] });
    return rows.map(view);
  }

  async history(factId: string): Promise<PersonFactChangeView[]> {
    const rows = await this.prisma.personFactChange.findMany({ where: { factId }, orderBy: { seq: 'asc' } });
    return rows.map((row) => ({
      action: row.action as PersonFactChangeView['action'],
      actor: row.actor,
      actorUnitId: row.actorUnitId,
      at: row.at.toISOString(),
      onDate: fromDbDate(row.onDate),
      reason: row.reason,
    }));
  }

  private async audit(tx: Prisma.TransactionClient, identity: Identity, factId: string, action: 'RECORDED' | 'CLOSED', on: string, reason: string): Promise<void> {
    await tx.personFactChange.create({ data: { factId, action, actor: identity.subject, actorUnitId: identity.jurisdictionUnitId, onDate: toDbDate(on), reason } });
  }
}
