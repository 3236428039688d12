import { thaiBinhTree } from './thai-binh';
import { HUNG_YEN_PROVINCE, thaiBinhReform } from './thai-binh-reform';

describe('thaiBinhReform', () => {
  const tree = thaiBinhTree();
  const mapping = thaiBinhReform(tree);
  const communes = tree.filter((row) => row.kind === 'COMMUNE');

  it('merges the province into Hưng Yên and every commune, whole, into exactly one new commune under it', () => {
    expect(mapping[0]).toEqual({ newCode: 'HY', newName: HUNG_YEN_PROVINCE.name, sourceCode: 'TB', share: 'WHOLE' });
    const whole = mapping.filter((row) => row.newCode !== 'HY' && row.share === 'WHOLE');
    expect(whole.map((row) => row.sourceCode).sort()).toEqual(communes.map((c) => c.code).sort());
    expect(new Set(whole.map((row) => row.newParentCode))).toEqual(new Set(['HY']));
    const newCommunes = new Set(whole.map((row) => row.newCode));
    expect(newCommunes.size).toBeGreaterThan(80);
    expect(newCommunes.size).toBeLessThan(100);
  });

  it('gives about 15% of the new communes a part of a neighbour: one of its villages', () => {
    const partial = mapping.filter((row) => row.share === 'PARTIAL');
    const newCommunes = new Set(mapping.filter((row) => row.newCode !== 'HY').map((row) => row.newCode));
    expect(partial.length / newCommunes.size).toBeGreaterThan(0.07);
    expect(partial.length / newCommunes.size).toBeLessThan(0.25);
    const villageParent = new Map(tree.filter((row) => row.kind === 'RESIDENTIAL_AREA').map((row) => [row.code, row.parentCode]));
    for (const row of partial) {
      expect(row.dependents).toHaveLength(1);
      expect(villageParent.get((row.dependents as string[])[0] as string)).toBe(row.sourceCode);
    }
  });

  it('is the same on every run', () => {
    expect(thaiBinhReform(thaiBinhTree())).toEqual(mapping);
  });
});
