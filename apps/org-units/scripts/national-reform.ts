import { readFileSync, writeFileSync } from 'node:fs';
import { type MappingRow } from '../src/domain/reorganisation';

/** What the generator needs of a tree row (the import format's code, kind, name and parent code). */
export interface ReformTreeRow {
  code: string;
  kind: string;
  name: string;
  parentCode?: string | null;
}

/** Shape of the synthetic reform. */
export interface NationalReformOptions {
  /** Provinces after the reform (34 in 2025); the others are merged WHOLE, two into one. */
  provinces?: number;
  /** Old communes per new commune. */
  communesPerGroup?: number;
  /** Share of new communes that also take part of a neighbouring old commune (PARTIAL, with some villages). */
  partialShare?: number;
  /** Residential areas of the neighbour that go with a partial part. */
  dependentsPerPartial?: number;
}

/**
 * A synthetic national reform of a PROVINCE > DISTRICT > COMMUNE > RESIDENTIAL_AREA tree, as the mapping rows a
 * ministry publishes (newCode, newName, newKind, newParentCode, sourceCode, share, dependents), to be applied with
 * `abolishKinds: ['DISTRICT']`: provinces merged pairwise down to `provinces` (the first of each pair goes on, renamed),
 * communes grouped `communesPerGroup`:1 under the new provinces across their old districts, every other new commune
 * carrying on its first source's code (renamed, moved under the province) and the rest created; `partialShare` of the
 * groups also take a PARTIAL part of the next group's last commune with some of its residential areas. Deterministic.
 */
export function nationalReform(tree: readonly ReformTreeRow[], options: NationalReformOptions = {}): MappingRow[] {
  const { provinces: target = 34, communesPerGroup = 3, partialShare = 0.15, dependentsPerPartial = 3 } = options;
  const childrenOf = new Map<string, ReformTreeRow[]>();
  for (const row of tree) {
    const key = row.parentCode ?? '';
    const list = childrenOf.get(key) ?? [];
    list.push(row);
    childrenOf.set(key, list);
  }
  const byCode = (a: ReformTreeRow, b: ReformTreeRow) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const under = (code: string, kind: string) => (childrenOf.get(code) ?? []).filter((row) => row.kind === kind).sort(byCode);
  const oldProvinces = tree.filter((row) => row.kind === 'PROVINCE').sort(byCode);
  const merged = Math.max(0, Math.min(oldProvinces.length - target, Math.floor(oldProvinces.length / 2)));
  const rows: MappingRow[] = [];
  const row = (newCode: string, newName: string, newKind: string, newParentCode: string, sourceCode: string, share = 'WHOLE', dependents = '') =>
    rows.push({ newCode, newName, newKind, newParentCode, sourceCode, share, dependents });

  const groups: ReformTreeRow[][] = [];
  for (let i = 0; i < oldProvinces.length; ) {
    const size = groups.length < merged ? 2 : 1;
    groups.push(oldProvinces.slice(i, i + size));
    i += size;
  }
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (const group of groups) {
    const survivor = group[0] as ReformTreeRow;
    const name = group.length > 1 ? `${survivor.name} mới` : survivor.name;
    for (const source of group.slice(1)) row(survivor.code, name, 'PROVINCE', '', source.code);
    const communes = group.flatMap((province) => under(province.code, 'DISTRICT').flatMap((district) => under(district.code, 'COMMUNE')));
    const communeGroups: ReformTreeRow[][] = [];
    for (let i = 0; i < communes.length; i += communesPerGroup) communeGroups.push(communes.slice(i, i + communesPerGroup));
    communeGroups.forEach((members, index) => {
      const first = members[0] as ReformTreeRow;
      const carriesOn = index % 2 === 0;
      const newCode = carriesOn ? first.code : `${survivor.code}-XN${String(index + 1).padStart(4, '0')}`;
      const newName = `Xã ${first.name.replace(/^(Xã|Phường|Thị trấn) /, '')} ${index + 1}`;
      for (const member of members) row(newCode, newName, 'COMMUNE', survivor.code, carriesOn && member === first ? newCode : member.code);
      const neighbour = communeGroups[index + 1];
      const partial = neighbour && neighbour.length > 1 ? neighbour[neighbour.length - 1] : undefined;
      if (partial && next() < partialShare) {
        const areas = under(partial.code, 'RESIDENTIAL_AREA').slice(0, dependentsPerPartial);
        row(newCode, newName, 'COMMUNE', survivor.code, partial.code, 'PARTIAL', areas.map((area) => area.code).join(';'));
      }
    });
  }
  return rows;
}

/** `tsx apps/org-units/scripts/national-reform.ts <tree.json> <mapping.json>`: writes the reform of a tree file. */
function main(): void {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error('usage: tsx apps/org-units/scripts/national-reform.ts <tree.json> <mapping.json>');
  const tree = JSON.parse(readFileSync(input, 'utf8')) as ReformTreeRow[];
  const rows = nationalReform(tree);
  writeFileSync(output, `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
  const partial = rows.filter((r) => r.share === 'PARTIAL').length;
  console.log(`${rows.length} mapping rows (${partial} partial) for ${tree.length} units written to ${output}`);
}

if (process.argv[1]?.endsWith('national-reform.ts')) main();
