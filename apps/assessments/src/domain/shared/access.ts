import { type Identity, SYSTEM_ADMIN } from '@antt/auth';
import { type UnitDirectory } from '@antt/unit-directory';

export const isSystemAdmin = (identity: Identity): boolean => identity.roles.includes(SYSTEM_ADMIN);

/** Whether the unit lies in the caller's jurisdiction on one of `dates` (refusals elsewhere are answered as absence). */
export async function seesUnit(directory: UnitDirectory, identity: Identity, unitId: string, dates: readonly string[]): Promise<boolean> {
  if (isSystemAdmin(identity)) return true;
  for (const date of new Set(dates)) {
    if (await directory.isWithin(unitId, identity.jurisdictionUnitId, date)) return true;
  }
  return false;
}
