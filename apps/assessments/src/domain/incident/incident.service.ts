import { randomUUID } from 'node:crypto';
import { type Caller, requireCaller, requireRole } from '@antt/auth';
import { type Clock, type DateRange, inputDate, inputId, inputText } from '@antt/service-kit';
import { UnitDirectory } from '@antt/unit-directory';
import { type PrismaClient } from '../../generated/prisma/client';
import { recognitionErrors } from '../recognition/recognition.errors';
import { RECOGNISER_ROLES, type CommandContext } from '../recognition/recognition.service';
import { fromDbDate, seesUnit, toDbDate } from '../shared';
import { type IncidentType, type IncidentView, type RecordIncidentInput } from './incident.types';

/** The incidents register (R6): a level records a listed incident of a unit in its jurisdiction on the incident's date. */
export class IncidentService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    private readonly dates: DateRange,
  ) {}

  async record(context: CommandContext, raw: RecordIncidentInput): Promise<IncidentView> {
    const identity = requireRole(context.caller, RECOGNISER_ROLES);
    const unitId = inputId(raw.unitId, { field: 'unitId' });
    const occurredOn = inputDate(raw.occurredOn, { field: 'occurredOn', range: this.dates });
    const today = this.clock.today();
    if (occurredOn > today) throw recognitionErrors.dateInFuture('occurredOn', occurredOn, today);
    const description = inputText(raw.description, { field: 'description', max: 2000, multiline: true });
    return this.prisma.$transaction(async (tx) => {
      const directory = new UnitDirectory(tx);
      if (!(await directory.unitAt(unitId, occurredOn)) || !(await seesUnit(directory, identity, unitId, [occurredOn]))) throw recognitionErrors.unitNotFound(unitId, 'unitId', occurredOn);
      const incident: IncidentView = { id: randomUUID(), unitId, type: raw.type, occurredOn, description };
      await tx.securityIncident.create({ data: { ...incident, occurredOn: toDbDate(occurredOn), recordedBy: identity.subject } });
      return incident;
    });
  }

  /** A unit's incidents, newest first, when the unit lies in the caller's jurisdiction today. */
  async ofUnit(caller: Caller, unitId: string): Promise<IncidentView[]> {
    const identity = requireCaller(caller);
    if (!(await seesUnit(new UnitDirectory(this.prisma), identity, unitId, [this.clock.today()]))) return [];
    const rows = await this.prisma.securityIncident.findMany({ where: { unitId }, orderBy: [{ occurredOn: 'desc' }, { id: 'asc' }] });
    return rows.map((row) => ({ id: row.id, unitId: row.unitId, type: row.type as IncidentType, occurredOn: fromDbDate(row.occurredOn), description: row.description }));
  }
}
