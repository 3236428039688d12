import { type WindowCalendar } from './window.rules';
import { type EvaluationWindowView } from './window.types';

/** What resolving a unit's window needs of the unit directory (`UnitDirectory` satisfies it). */
export interface ProvinceLookup {
  ancestorOfKind(unitId: string, kinds: readonly string[], asOf: string): Promise<{ unitId: string } | null>;
}

/**
 * The province a unit lay in for the window of (kind, year): its PROVINCE ancestor (or itself) on the national window's end
 * ({@link WindowCalendar.provinceDate}); when the unit did not exist then (a unit formed later by a merge, which took over a
 * model), on `fallbackDate` (the review date, today). Null: no province (a unit outside every province), national rules only.
 */
export async function provinceForWindow(directory: ProvinceLookup, calendar: WindowCalendar, unit: UnitOfKind, year: number, fallbackDate?: string): Promise<string | null> {
  for (const date of [calendar.provinceDate(unit.kind, year), fallbackDate]) {
    if (!date) continue;
    const province = await directory.ancestorOfKind(unit.unitId, ['PROVINCE'], date);
    if (province) return province.unitId;
  }
  return null;
}

export interface UnitOfKind {
  unitId: string;
  kind: string;
}

/** A unit's window of `year`: its kind's, in the calendar of the province it lay in ({@link provinceForWindow}). */
export async function unitWindow(directory: ProvinceLookup, calendar: WindowCalendar, unit: UnitOfKind, year: number, fallbackDate?: string): Promise<EvaluationWindowView> {
  const provinceId = await provinceForWindow(directory, calendar, unit, year, fallbackDate);
  return { ...calendar.windowOf(unit.kind, year, provinceId), unitId: unit.unitId };
}
