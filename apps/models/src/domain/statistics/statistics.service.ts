import { type Caller, requireCaller } from '@antt/auth';
import { type Clock } from '@antt/service-kit';
import { type UnitDirectory } from '@antt/unit-directory';
import { type ModelPolicy } from '../model';
import { type EvaluationWindows } from '../window';
import { addDays, type ModelsInput } from '../shared';
import { type StatisticsRepository } from './statistics.repository';
import { type ModelStatisticsView } from './statistics.types';

/**
 * Statistics of a unit's subtree on a date (a SYSTEM_ADMIN naming no unit: the whole country): totals, one row per child unit (the next level down; the unit's own models in a
 * row of its own) and one per host kind. A unit outside the caller's jurisdiction is answered as unknown (null).
 */
export class StatisticsService {
  constructor(
    private readonly counts: StatisticsRepository,
    private readonly directory: UnitDirectory,
    private readonly policy: ModelPolicy,
    private readonly clock: Clock,
    private readonly input: ModelsInput,
    private readonly trainingPeriodDays: number,
    private readonly windows: EvaluationWindows,
  ) {}

  async statistics(caller: Caller, args: { unitId?: string | null; asOf?: string | null; year?: number | null }): Promise<ModelStatisticsView | null> {
    requireCaller(caller);
    const asOf = args.asOf ? this.input.date(args.asOf, 'asOf') : this.clock.today();
    const explicitYear = args.year === null || args.year === undefined ? null : this.input.year(args.year);
    // Null for a SYSTEM_ADMIN without a unit: the whole country, one row per province.
    const unitId = this.input.optionalId(args.unitId, 'unitId') ?? this.policy.listRoot(caller);
    if (unitId !== null && !(await this.policy.canReadUnit(this.directory, caller, unitId, [asOf]))) return null;
    const year = explicitYear ?? (await this.defaultYear(unitId, asOf));
    const counted = await this.counts.count(unitId, asOf, year, addDays(asOf, -this.trainingPeriodDays + 1));
    const directory = await this.directory.unitsAt(
      counted.byBranch.map((branch) => branch.unitId),
      asOf,
    );
    const entries = counted.byBranch.map((branch) => ({ branch, entry: directory.get(branch.unitId) ?? null }));
    return {
      unitId: unitId ?? NATIONAL,
      asOf,
      year,
      totals: counted.totals,
      byHostKind: counted.byHostKind.sort((a, b) => a.kind.localeCompare(b.kind)),
      byChild: entries
        .map(({ branch, entry }) => ({ unitId: branch.unitId, code: entry?.code ?? '', name: entry?.name ?? '', kind: entry?.kind ?? '', counts: branch.counts }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    };
  }

  /**
   * The year whose commune window holds `asOf`, in the calendar of the province the unit lies in on `asOf` (the national one
   * for the country or a unit above the provinces).
   */
  private async defaultYear(unitId: string | null, asOf: string): Promise<number> {
    const province = unitId === null ? null : await this.directory.ancestorOfKind(unitId, ['PROVINCE'], asOf);
    return (await this.windows.calendar()).yearHolding('COMMUNE', asOf, province?.unitId ?? null);
  }
}

/** `unitId` of the national statistics (no unit): the nil UUID. */
export const NATIONAL = '00000000-0000-0000-0000-000000000000';
