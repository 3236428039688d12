import { type SqlClient } from '@antt/unit-directory';
import { AttainmentRepository, type AttainmentQuery } from './attainment.repository';
import { FACT, SUBTREE_SHAPE } from './attainment.sql';

/**
 * The repository's kept shapes against a scripted database (the statements themselves are covered on PostgreSQL by
 * test/integration/attainment.int.spec.ts): which statements a read sends, when a shape is read again, what is evicted.
 */
function scriptedDatabase(unitsPerRoot: Record<string, number>) {
  const state = { generation: '7', statements: [] as string[] };
  const db: SqlClient = {
    $executeRawUnsafe: async () => 0,
    $queryRawUnsafe: async <T>(query: string, ...values: unknown[]): Promise<T> => {
      if (query === SUBTREE_SHAPE) {
        const root = values[0] as string;
        state.statements.push(`shape ${root}`);
        const units = Array.from({ length: unitsPerRoot[root] ?? 0 }, (_, index) => [`${root}-${index}`, `C${index}`, `Unit ${index}`, 'RESIDENTIAL_AREA', index % 2 === 0, [0]]);
        return [{ generation: state.generation, levels: JSON.stringify([[root, root, `Root ${root}`, 'COMMUNE', 0]]), units: JSON.stringify(units) }] as T;
      }
      const ids = values[0] as string[];
      state.statements.push(`facts ${ids.length}`);
      return [{ generation: state.generation, facts: ids.map((_, index) => (index === 0 ? '5:EXCELLENT' : '1')).join(',') }] as T;
    },
  };
  return { db, state };
}

const query = (rootUnitId: string): AttainmentQuery => ({
  rootUnitId,
  asOf: '2024-12-31',
  levelKinds: ['PROVINCE', 'DISTRICT', 'COMMUNE'],
  rootCampaignId: 'c',
  familyCampaignIds: ['c'],
  year: 2024,
  countedKinds: ['RESIDENTIAL_AREA'],
});

describe('AttainmentRepository', () => {
  it('combines the shape with the facts in the shape order, eligibility from the shape', async () => {
    const { db } = scriptedDatabase({ a: 3 });
    const facts = await new AttainmentRepository(db).subtreeFacts(query('a'));
    expect(facts.levels).toEqual([{ unitId: 'a', code: 'a', name: 'Root a', kind: 'COMMUNE', depth: 0 }]);
    expect(facts.units.map((unit) => [unit.unitId, unit.flags, unit.classification])).toEqual([
      ['a-0', FACT.registered | FACT.recognised | FACT.eligible, 'EXCELLENT'],
      ['a-1', FACT.registered, null],
      ['a-2', FACT.registered | FACT.eligible, null],
    ]);
  });

  it('keeps a shape while the directory generation holds, and reads it again once it moves', async () => {
    const { db, state } = scriptedDatabase({ a: 3 });
    const repository = new AttainmentRepository(db);
    await repository.subtreeFacts(query('a'));
    await repository.subtreeFacts(query('a'));
    expect(state.statements).toEqual(['shape a', 'facts 3', 'facts 3']);

    state.generation = '8';
    state.statements = [];
    await repository.subtreeFacts(query('a'));
    expect(state.statements).toEqual(['facts 3', 'shape a', 'facts 3']);
    state.statements = [];
    await repository.subtreeFacts(query('a'));
    expect(state.statements).toEqual(['facts 3']);
  });

  it('evicts the least recently used shapes beyond its unit budget and keeps none larger than the budget', async () => {
    const { db, state } = scriptedDatabase({ a: 40, b: 40, c: 40, big: 200 });
    const repository = new AttainmentRepository(db, 100);
    await repository.subtreeFacts(query('a'));
    await repository.subtreeFacts(query('b'));
    await repository.subtreeFacts(query('a')); // a is now the most recently used
    await repository.subtreeFacts(query('c')); // 120 > 100: b goes
    state.statements = [];
    await repository.subtreeFacts(query('a'));
    await repository.subtreeFacts(query('c'));
    await repository.subtreeFacts(query('b'));
    expect(state.statements).toEqual(['facts 40', 'facts 40', 'shape b', 'facts 40']);

    state.statements = [];
    await repository.subtreeFacts(query('big'));
    await repository.subtreeFacts(query('big'));
    expect(state.statements).toEqual(['shape big', 'facts 200', 'shape big', 'facts 200']);
  });

  it('keeps nothing when the database has no generation row', async () => {
    const { db, state } = scriptedDatabase({ a: 2 });
    state.generation = null as unknown as string;
    const repository = new AttainmentRepository(db);
    await repository.subtreeFacts(query('a'));
    await repository.subtreeFacts(query('a'));
    expect(state.statements).toEqual(['shape a', 'facts 2', 'shape a', 'facts 2']);
  });
});
