import { buildEnvelope, outboxChannel } from '@antt/events';
import { UnitCreatedV1 } from '@antt/contracts';
import { type PrismaClient } from '../generated/prisma/client';
import { fromDbDate } from '../domain/shared/calendar-date';
import { foldForSearch } from '../domain/unit/search-name';
import { writeClosureOfNewUnits } from '../domain/unit/unit-closure.repository';
import { type ExistingUnit, type PlannedUnit } from './plan-import';

const SOURCE = 'org-units';

/** Bulk reads and writes of the importer: multi-row inserts from unnest arrays, one transaction per chunk. */
export class ImportRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Units already stored under any of `codes`. */
  async findExisting(codes: readonly string[]): Promise<Map<string, ExistingUnit>> {
    const found = new Map<string, ExistingUnit>();
    for (let i = 0; i < codes.length; i += 10_000) {
      const rows = await this.prisma.unit.findMany({
        where: { code: { in: codes.slice(i, i + 10_000) } },
        select: { id: true, code: true, kind: true, createdOn: true, dissolvedOn: true },
      });
      for (const row of rows) {
        found.set(row.code, {
          id: row.id,
          kind: row.kind,
          createdOn: fromDbDate(row.createdOn),
          dissolvedOn: row.dissolvedOn ? fromDbDate(row.dissolvedOn) : null,
        });
      }
    }
    return found;
  }

  /** Refreshes the planner's statistics after a bulk load, so that tree queries do not plan for an empty table. */
  async refreshStatistics(): Promise<void> {
    await this.prisma.$executeRawUnsafe('ANALYZE unit, unit_version, unit_closure');
  }

  /** Inserts the units, their first versions, audit rows and one `created` outbox event each, in one transaction. */
  async insertChunk(units: readonly PlannedUnit[], actor: string, correlationId: string): Promise<void> {
    const envelopes = units.map((unit) =>
      buildEnvelope(
        {
          contract: UnitCreatedV1,
          aggregateId: unit.id,
          correlationId,
          data: {
            unitId: unit.id,
            code: unit.code,
            kind: unit.kind,
            revision: 1,
            effectiveDate: unit.effectiveFrom,
            dissolvedOn: null,
            change: {},
            timeline: [
              {
                validFrom: unit.effectiveFrom,
                validTo: null,
                name: unit.name,
                parentId: unit.parentId,
                managingUnitId: unit.managingUnitId,
                attributes: unit.attributes,
              },
            ],
          },
        },
        SOURCE,
      ),
    );
    const col = <T>(pick: (unit: PlannedUnit) => T) => units.map(pick);
    await this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(
          `INSERT INTO unit (id, code, kind, created_on, revision)
           SELECT id, code, kind::"UnitKind", created_on::date, 1
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(id, code, kind, created_on)`,
          col((u) => u.id),
          col((u) => u.code),
          col((u) => u.kind),
          col((u) => u.effectiveFrom),
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO unit_version (unit_id, code, kind, valid_from, name, search_name, parent_id, managing_unit_id,
             enterprise_size, school_level, armed_forces, resident_households, staff_count)
           SELECT unit_id, code, kind::"UnitKind", valid_from::date, name, search_name, parent_id, managing_unit_id,
             enterprise_size::"EnterpriseSize", school_level::"SchoolLevel", armed_forces, resident_households, staff_count
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::uuid[],
             $9::text[], $10::text[], $11::boolean[], $12::int[], $13::int[])
             AS t(unit_id, code, kind, valid_from, name, search_name, parent_id, managing_unit_id, enterprise_size,
               school_level, armed_forces, resident_households, staff_count)`,
          col((u) => u.id),
          col((u) => u.code),
          col((u) => u.kind),
          col((u) => u.effectiveFrom),
          col((u) => u.name),
          col((u) => foldForSearch(u.name)),
          col((u) => u.parentId),
          col((u) => u.managingUnitId),
          col((u) => u.attributes.enterpriseSize),
          col((u) => u.attributes.schoolLevel),
          col((u) => u.attributes.armedForces),
          col((u) => u.attributes.residentHouseholds),
          col((u) => u.attributes.staffCount),
        );
        await writeClosureOfNewUnits(
          tx,
          units.map((u) => ({ id: u.id, code: u.code, kind: u.kind, parentId: u.parentId, validFrom: u.effectiveFrom })),
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO unit_change (id, unit_id, type, effective_date, actor, reason, correction, revision, details)
           SELECT gen_random_uuid(), unit_id, 'created', effective_date::date, $3, 'bulk import', false, 1, '{"source":"import"}'::jsonb
           FROM unnest($1::uuid[], $2::text[]) AS t(unit_id, effective_date)`,
          col((u) => u.id),
          col((u) => u.effectiveFrom),
          actor,
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, topic, envelope)
           SELECT id, $2, aggregate_id, $3, $4, envelope::jsonb
           FROM unnest($1::uuid[], $5::text[], $6::text[]) WITH ORDINALITY AS t(id, aggregate_id, envelope, ord)
           ORDER BY ord`,
          envelopes.map((e) => e.id),
          UnitCreatedV1.aggregateType,
          UnitCreatedV1.fullType,
          UnitCreatedV1.topic,
          units.map((u) => u.id),
          envelopes.map((e) => JSON.stringify(e)),
        );
        await tx.$queryRawUnsafe(`SELECT pg_notify($1, '')::text AS notified`, outboxChannel(SOURCE));
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  }
}
