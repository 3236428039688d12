import { type ReorganisationMappingRow } from '@antt/contracts';
import { type ImportRow } from './import-row';
import { seededRandom } from './random';

/** The day the two-level local government began. */
export const REFORM_DATE = '2025-07-01';
export const REFORM_NAME = 'Sắp xếp đơn vị hành chính tỉnh Hưng Yên năm 2025 (dữ liệu minh họa)';
export const REFORM_LEGAL_BASIS = 'Nghị quyết 202/2025/QH15; Nghị quyết 1666/NQ-UBTVQH15 (minh họa)';
/** Levels abolished on that day. */
export const REFORM_ABOLISHED_KINDS = ['DISTRICT'] as const;

/** The province that absorbed Thái Bình, as it stood before (its own districts and communes are not in the demo). */
export const HUNG_YEN_PROVINCE: ImportRow = {
  code: 'HY',
  kind: 'PROVINCE',
  name: 'Tỉnh Hưng Yên',
  parentCode: null,
  managingUnitCode: null,
  effectiveFrom: '2020-01-01',
  enterpriseSize: null,
  schoolLevel: null,
  armedForces: null,
  residentHouseholds: null,
  staffCount: null,
  communeType: null,
};

const PARTIAL_SHARE = 0.15;

/**
 * The 1 July 2025 reform of the demo province, as a mapping file: Thái Bình merges whole into Hưng Yên; in each former
 * district its communes merge in threes (twos and fours at the ends) into new communes directly under the province — a
 * ward group stays a phường, any other a xã, named after its first member —, about 15% of the new communes also take one
 * village of the neighbouring group (a PARTIAL source with that village as its dependent); the districts are abolished
 * (their offices, schools and firms go to the province). The groupings and names are synthetic, same-shaped as the
 * published ones (Thái Bình's 260 communes became about 90); deterministic.
 */
export function thaiBinhReform(tree: readonly ImportRow[]): ReorganisationMappingRow[] {
  const random = seededRandom('thai-binh-reform-2025');
  const province = tree.find((row) => row.kind === 'PROVINCE');
  if (!province) throw new Error('the tree has no province');
  const rows: ReorganisationMappingRow[] = [{ newCode: HUNG_YEN_PROVINCE.code, newName: HUNG_YEN_PROVINCE.name, sourceCode: province.code, share: 'WHOLE' }];
  const villagesOf = new Map<string, string[]>();
  for (const row of tree) {
    if (row.kind === 'RESIDENTIAL_AREA' && row.parentCode) villagesOf.set(row.parentCode, [...(villagesOf.get(row.parentCode) ?? []), row.code]);
  }
  const districts = tree.filter((row) => row.kind === 'DISTRICT');
  let sequence = 0;
  for (const district of districts) {
    const communes = tree.filter((row) => row.kind === 'COMMUNE' && row.parentCode === district.code);
    const groups = groupsOf(communes);
    groups.forEach((group, index) => {
      sequence += 1;
      const first = group[0] as ImportRow;
      const ward = group.every((commune) => commune.name.startsWith('Phường'));
      const newCode = `HY-${String(sequence).padStart(3, '0')}`;
      const newName = `${ward ? 'Phường' : 'Xã'} ${first.name.replace(/^(Xã|Phường|Thị trấn)\s+/u, '')}`;
      for (const commune of group) {
        rows.push({ newCode, newName, newKind: 'COMMUNE', newParentCode: HUNG_YEN_PROVINCE.code, sourceCode: commune.code, share: 'WHOLE' });
      }
      const neighbour = groups[index + 1]?.[0];
      const villages = neighbour ? (villagesOf.get(neighbour.code) ?? []) : [];
      if (neighbour && villages.length > 1 && random.chance(PARTIAL_SHARE)) {
        rows.push({ newCode, sourceCode: neighbour.code, share: 'PARTIAL', dependents: [villages[villages.length - 1]] });
      }
    });
  }
  return rows;
}

/** Threes, with the remainder folded into the last groups (never a group of one). */
function groupsOf<T>(items: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (let start = 0; start < items.length; start += 3) groups.push(items.slice(start, start + 3));
  const last = groups[groups.length - 1];
  if (last && last.length === 1 && groups.length > 1) {
    groups.pop();
    (groups[groups.length - 1] as T[]).push(...last);
  }
  return groups;
}
