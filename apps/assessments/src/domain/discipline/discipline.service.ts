import { randomUUID } from 'node:crypto';
import { type Caller, requireCaller, requireRole } from '@antt/auth';
import { type Clock, type DateRange, badInput, forbidden, inputDate, inputId, inputText } from '@antt/service-kit';
import { UnitDirectory } from '@antt/unit-directory';
import { type PrismaClient } from '../../generated/prisma/client';
import { disciplineFromRow } from '../criteria/criteria.repository';
import { type DisciplineRecordView } from '../criteria/criteria.types';
import { recognitionErrors } from '../recognition/recognition.errors';
import { RECOGNISER_ROLES, type CommandContext } from '../recognition/recognition.service';
import { isSystemAdmin, seesUnit, toDbDate } from '../shared';

export const DISCIPLINE_ERROR_REASONS = ['DISCIPLINE_UNIT_NOT_COMMUNE', 'DISCIPLINE_RECORDER_ABOVE_COMMUNE', 'DISCIPLINE_OFFICERS_INVALID'] as const;

const MAX_OFFICERS = 1000;

export interface RecordDisciplineInput {
  communeId: string;
  year: number;
  disciplinedOfficers: number;
  recordedOn: string;
  note: string;
}

/**
 * The recorded fact "N officers of the commune police were disciplined in the year" (Circular 124 Art. 5, criterion "no
 * disciplined individual"): recorded by a level above the commune (the commune does not vouch for itself), append-only, the latest
 * record stands and every earlier one stays visible with who, which level, when and why.
 */
export class DisciplineService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    private readonly dates: DateRange,
  ) {}

  async record(context: CommandContext, raw: RecordDisciplineInput): Promise<DisciplineRecordView> {
    const identity = requireRole(context.caller, RECOGNISER_ROLES);
    const communeId = inputId(raw.communeId, { field: 'communeId' });
    const year = this.year(raw.year);
    const recordedOn = inputDate(raw.recordedOn, { field: 'recordedOn', range: this.dates });
    const today = this.clock.today();
    if (recordedOn > today) throw recognitionErrors.dateInFuture('recordedOn', recordedOn, today);
    const recordedYear = Number(recordedOn.slice(0, 4));
    if (recordedYear < year || recordedYear > year + 1) {
      throw badInput('RECOGNITION_DATE_OUTSIDE_YEAR', `recordedOn: a record for ${year} is dated in ${year} or ${year + 1}`, { field: 'recordedOn', recordedOn, year });
    }
    if (!Number.isInteger(raw.disciplinedOfficers) || raw.disciplinedOfficers < 0 || raw.disciplinedOfficers > MAX_OFFICERS) {
      throw badInput('DISCIPLINE_OFFICERS_INVALID', `disciplinedOfficers: a whole number from 0 to ${MAX_OFFICERS}`, { field: 'disciplinedOfficers', max: MAX_OFFICERS });
    }
    const note = inputText(raw.note, { field: 'note', max: 2000, multiline: true });
    return this.prisma.$transaction(async (tx) => {
      const directory = new UnitDirectory(tx);
      const commune = await directory.unitAt(communeId, recordedOn);
      if (!commune || !(await seesUnit(directory, identity, communeId, [recordedOn]))) throw recognitionErrors.unitNotFound(communeId, 'communeId', recordedOn);
      if (commune.kind !== 'COMMUNE') throw badInput('DISCIPLINE_UNIT_NOT_COMMUNE', 'communeId: the fact is recorded for a commune police', { field: 'communeId', kind: commune.kind });
      if (!isSystemAdmin(identity) && identity.jurisdictionUnitId === communeId) {
        throw forbidden('DISCIPLINE_RECORDER_ABOVE_COMMUNE', 'The commune police discipline fact is recorded by a level above the commune.', { communeId });
      }
      const row = await tx.communePoliceDiscipline.create({
        data: {
          id: randomUUID(),
          communeId,
          year,
          disciplinedOfficers: raw.disciplinedOfficers,
          recordedOn: toDbDate(recordedOn),
          note,
          recordedBy: identity.subject,
          recordedByUnitId: identity.jurisdictionUnitId,
        },
      });
      return disciplineFromRow(row);
    });
  }

  /** A commune's records for a year, latest (the one that stands) first, when the commune lies in the caller's jurisdiction today. */
  async ofCommune(caller: Caller, communeId: string, rawYear: number): Promise<DisciplineRecordView[]> {
    const identity = requireCaller(caller);
    const year = this.year(rawYear);
    if (!(await seesUnit(new UnitDirectory(this.prisma), identity, communeId, [this.clock.today()]))) return [];
    const rows = await this.prisma.communePoliceDiscipline.findMany({ where: { communeId, year }, orderBy: { seq: 'desc' } });
    return rows.map(disciplineFromRow);
  }

  private year(value: number): number {
    const earliest = Number(this.dates.earliest.slice(0, 4));
    const latest = Number(this.dates.latest.slice(0, 4));
    if (!Number.isInteger(value) || value < earliest || value > latest) throw recognitionErrors.invalidYear('year', earliest, latest);
    return value;
  }
}
