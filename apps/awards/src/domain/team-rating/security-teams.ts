import { type DirectoryEntry, type UnitDirectory } from '@antt/unit-directory';

/** The nearest unit of `kind` at or above `entry` among `byId` (the entries read), or null. */
export function nearestOfKind(entry: DirectoryEntry, kind: string, byId: ReadonlyMap<string, DirectoryEntry>): DirectoryEntry | null {
  for (let current: DirectoryEntry | undefined = entry; current; current = current.parentId ? byId.get(current.parentId) : undefined) {
    if (current.kind === kind) return current;
  }
  return null;
}

/** The communes under some roots on a date, each with its SECURITY_TEAM units (by code; none for a commune without teams). */
export interface CommuneTeams {
  /** Every entry read (the roots, their communes, residential areas and teams), by id. */
  units: Map<string, DirectoryEntry>;
  /** Commune id → its teams. */
  teams: Map<string, DirectoryEntry[]>;
}

/** Reads the communes and their security teams under `roots` on `date` from the unit directory (one subtree read per root). */
export async function securityTeamsByCommune(directory: UnitDirectory, roots: readonly string[], date: string): Promise<CommuneTeams> {
  const units = new Map<string, DirectoryEntry>();
  for (const root of roots) {
    const entry = await directory.unitAt(root, date);
    if (entry) units.set(entry.unitId, entry);
    for (const below of await directory.descendantsOf(root, date, ['COMMUNE', 'RESIDENTIAL_AREA', 'SECURITY_TEAM'])) units.set(below.unitId, below);
  }
  const teams = new Map<string, DirectoryEntry[]>();
  for (const entry of units.values()) if (entry.kind === 'COMMUNE') teams.set(entry.unitId, []);
  for (const team of [...units.values()].filter((entry) => entry.kind === 'SECURITY_TEAM').sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const commune = nearestOfKind(team, 'COMMUNE', units);
    if (commune) teams.get(commune.unitId)?.push(team);
  }
  return { units, teams };
}
