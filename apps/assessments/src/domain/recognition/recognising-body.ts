import { type DirectoryEntry, type UnitDirectory } from '@antt/unit-directory';
import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { fromDbDate, toDbDate } from '../shared';

type Db = PrismaClient | Prisma.TransactionClient;

/** One row of R2's dated configuration: who recognises units of a kind in a period. */
export interface RecognisingBodyRuleView {
  id: string;
  unitKind: string;
  validFrom: string;
  /** Exclusive; null when open. */
  validTo: string | null;
  /** Kinds of the levels whose People's Committee decides, searched from the managing unit upwards (nearest first). */
  bodyKinds: string[];
  /** False while the rule is not confirmed against the primary text (the rules after 01/07/2025). */
  verified: boolean;
  source: string;
}

/** The body R2 resolves for a unit on a date, with the rule that gave it (null body: no rule, or no level of its kinds). */
export interface RecognisingBodyResolution {
  bodyUnitId: string | null;
  rule: RecognisingBodyRuleView | null;
}

type RuleRow = Prisma.RecognisingBodyRuleGetPayload<object>;

function ruleFromRow(row: RuleRow): RecognisingBodyRuleView {
  return {
    id: row.id,
    unitKind: row.unitKind,
    validFrom: fromDbDate(row.validFrom),
    validTo: row.validTo ? fromDbDate(row.validTo) : null,
    bodyKinds: row.bodyKinds,
    verified: row.verified,
    source: row.source,
  };
}

/**
 * R2 from data, not code: the recognising body of a unit on a date is the People's Committee of the nearest level at or above the
 * unit's managing unit (else its parent), on the tree of that date, whose kind the rule in force for the unit's kind names. The
 * rules are seeded (before 01/07/2025: the commune for its residential areas and local units, the district for communes; from
 * then the commune or the province, unverified) and are edited as data.
 */
export class RecognisingBodyRules {
  constructor(private readonly db: Db) {}

  /** The rules in force on `date`, every kind. */
  async inForce(date: string): Promise<RecognisingBodyRuleView[]> {
    const on = toDbDate(date);
    const rows = await this.db.recognisingBodyRule.findMany({
      where: { validFrom: { lte: on }, OR: [{ validTo: null }, { validTo: { gt: on } }] },
      orderBy: [{ unitKind: 'asc' }, { validFrom: 'asc' }],
    });
    return rows.map(ruleFromRow);
  }

  /** The rule for `unitKind` on `date` (the latest starting one when periods overlap by mistake). */
  async ruleFor(unitKind: string, date: string): Promise<RecognisingBodyRuleView | null> {
    const on = toDbDate(date);
    const row = await this.db.recognisingBodyRule.findFirst({
      where: { unitKind, validFrom: { lte: on }, OR: [{ validTo: null }, { validTo: { gt: on } }] },
      orderBy: { validFrom: 'desc' },
    });
    return row ? ruleFromRow(row) : null;
  }

  /** The recognising body of `unit` (as it stood on `date`) on `date`. */
  async resolve(directory: UnitDirectory, unit: DirectoryEntry, date: string): Promise<RecognisingBodyResolution> {
    const rule = await this.ruleFor(unit.kind, date);
    const managerId = unit.managingUnitId ?? unit.parentId;
    if (!rule || managerId === null) return { bodyUnitId: null, rule };
    const body = await directory.ancestorOfKind(managerId, rule.bodyKinds, date);
    return { bodyUnitId: body?.unitId ?? null, rule };
  }
}
