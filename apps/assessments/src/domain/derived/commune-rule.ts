import { type Caller, requireCaller } from '@antt/auth';
import { type Clock } from '@antt/service-kit';
import { type DirectoryAttributes, safeStandardScope, UnitDirectory } from '@antt/unit-directory';
import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { seesUnit } from '../shared';

/** R7 as computed for one commune and year, with its inputs. */
export interface CommuneRuleView {
  communeId: string;
  year: number;
  /** The tree date the managed units are taken on: the end of the commune's window (15/11 of the year). */
  asOf: string;
  managedUnits: number;
  registered: number;
  recognised: number;
  decided: number;
  allRegistered: boolean;
  recognisedPercent: number;
  /** 100% of the managed units registered and ≥ 70% of them recognised. */
  passes: boolean;
  /** The subordinate window is over and every managed unit has its decision: the value no longer changes. */
  final: boolean;
  /** models' fact for the commune itself (null when models published none). */
  hasEffectiveModel: boolean | null;
  notRegisteredIds: string[];
  notRecognisedIds: string[];
}

/** R7's share conditions (whether final or not): every managed unit registered and at least `percent`% of them recognised. */
export const passesWithShare = (rule: Pick<CommuneRuleView, 'managedUnits' | 'allRegistered' | 'recognised'>, percent: number): boolean =>
  rule.managedUnits > 0 && rule.allRegistered && rule.recognised * 100 >= rule.managedUnits * percent;

/** R7's recognised share (%). */
export const R7_RECOGNISED_PERCENT = 70;

const MANAGED_KINDS = ['RESIDENTIAL_AREA', 'AGENCY', 'DEPARTMENT', 'ENTERPRISE', 'SCHOOL'];

// The units each commune manages on the date (its managing unit, else its parent), with their registration and decision of the year.
const MANAGED_UNITS = `
SELECT COALESCE(v.managing_unit_id, v.parent_id)::text AS commune_id, v.unit_id::text AS unit_id, u.kind, v.attributes,
       EXISTS (SELECT 1 FROM unit_registration r
               WHERE r.unit_id = v.unit_id AND r.year = $3 AND r.for_safe_standard AND r.withdrawn_on IS NULL) AS registered,
       s.status
FROM directory_unit_version v
JOIN directory_unit u ON u.unit_id = v.unit_id
LEFT JOIN safe_standard_recognition s ON s.unit_id = v.unit_id AND s.year = $3
WHERE v.valid_from <= $2::date AND (v.valid_to IS NULL OR v.valid_to > $2::date)
  AND COALESCE(v.managing_unit_id, v.parent_id) = ANY($1::uuid[])
  AND u.kind = ANY($4::text[])`;

interface ManagedRow {
  commune_id: string;
  unit_id: string;
  kind: string;
  attributes: DirectoryAttributes | null;
  registered: boolean;
  status: string | null;
}

/**
 * Derived rules, computed and never typed in. R7: a commune's criterion "100% of its managed units registered and ≥ 70% of them
 * recognised", from campaigns' registrations (consumer group assessments.facts) and this service's own recognitions, on the
 * tree at the end of the commune's window; units out of the standard's scope (R1) are not counted. The value shows its inputs.
 */
export class DerivedRuleService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
  ) {}

  /** R7 for one commune; null when the unit is no commune on the date or not visible. */
  async communeRule(caller: Caller, communeId: string, year: number): Promise<CommuneRuleView | null> {
    const identity = requireCaller(caller);
    const asOf = `${year}-11-15`;
    const directory = new UnitDirectory(this.prisma);
    const commune = await directory.unitAt(communeId, asOf);
    if (!commune || commune.kind !== 'COMMUNE') return null;
    if (!(await seesUnit(directory, identity, communeId, [this.clock.today(), asOf]))) return null;
    const [rule] = await this.evaluate([communeId], year);
    return rule ?? null;
  }

  /** R7 for many communes at once (a province's: the benchmark), in one statement. */
  evaluate(communeIds: readonly string[], year: number): Promise<CommuneRuleView[]> {
    return evaluateCommuneRules(this.prisma, communeIds, year, this.clock.today());
  }
}

/** R7 for communes on any client (a transaction too: the safe-standard criteria derive from it), `today` deciding `final`. */
export async function evaluateCommuneRules(db: PrismaClient | Prisma.TransactionClient, communeIds: readonly string[], year: number, today: string): Promise<CommuneRuleView[]> {
  const asOf = `${year}-11-15`;
  const rows = await db.$queryRawUnsafe<ManagedRow[]>(MANAGED_UNITS, [...communeIds], asOf, year, MANAGED_KINDS);
  const facts = await db.effectiveModelFact.findMany({ where: { unitId: { in: [...communeIds] }, year } });
  const factOf = new Map(facts.map((fact) => [fact.unitId, fact.hasEffectiveModel]));
  const byCommune = new Map<string, ManagedRow[]>(communeIds.map((id) => [id, []]));
  for (const row of rows) {
    if (safeStandardScope(row.kind, row.attributes ?? {}).applies) byCommune.get(row.commune_id)?.push(row);
  }
  const windowOver = today > asOf;
  return [...byCommune.entries()].map(([id, managed]) => {
    const registered = managed.filter((row) => row.registered).length;
    const recognised = managed.filter((row) => row.status === 'RECOGNISED').length;
    const decided = managed.filter((row) => row.status !== null).length;
    const total = managed.length;
    return {
      communeId: id,
      year,
      asOf,
      managedUnits: total,
      registered,
      recognised,
      decided,
      allRegistered: registered === total,
      recognisedPercent: total === 0 ? 0 : Math.round((recognised / total) * 1000) / 10,
      passes: passesWithShare({ managedUnits: total, allRegistered: registered === total, recognised }, R7_RECOGNISED_PERCENT),
      final: windowOver && decided === total,
      hasEffectiveModel: factOf.get(id) ?? null,
      notRegisteredIds: managed.filter((row) => !row.registered).map((row) => row.unit_id).sort(),
      notRecognisedIds: managed.filter((row) => row.status !== 'RECOGNISED').map((row) => row.unit_id).sort(),
    };
  });
}
