import { lineageOf } from '@antt/unit-directory';
import { runPlan } from './plan-engine';
import { snapshotUnit } from './plan-fixtures';
import { planChanges } from './reorganisation.service';
import { type PlanOperation } from './plan.types';

const unit = snapshotUnit;

const tree = () => ({
  date: '2025-07-01',
  units: [
    unit('P', 'PROVINCE', null),
    unit('D1', 'DISTRICT', 'P'),
    unit('D2', 'DISTRICT', 'P'),
    unit('C1', 'COMMUNE', 'D1'),
    unit('C2', 'COMMUNE', 'D1'),
    unit('C3', 'COMMUNE', 'D2'),
    unit('C4', 'COMMUNE', 'D2'),
    unit('V1', 'RESIDENTIAL_AREA', 'C1'),
    unit('V2', 'RESIDENTIAL_AREA', 'C2'),
    unit('V3', 'RESIDENTIAL_AREA', 'C3'),
  ],
  codesHeldLater: new Set<string>(),
});

/**
 * The `reorganised` event names each unit's successors and, in `successors`, each one's share and event; the unit
 * directory kit reads them (`lineageOf`), and infers the shares from `changes` for events published before `successors`
 * was added. Checked here against the lineage the plan engine records: same hops and shares (the engine may keep a MERGE
 * and a TRANSFER edge for one pair, the directory one hop per pair and date).
 */
describe('reorganised events carry the plan engine’s lineage to the unit directories', () => {
  const plan = { id: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5', name: 'Sắp xếp', legalBasis: 'Nghị quyết thử' };
  const hopsOf = (operations: PlanOperation[]) => {
    let counter = 0;
    const result = runPlan(tree(), operations, () => `new-${(counter += 1)}`, null);
    expect(result.report.errors).toEqual([]);
    const engine = [...new Set(result.lineage.map((edge) => `${edge.predecessorId}>${edge.successorId} ${edge.share}`))].sort();
    const changeOf = planChanges(plan, result);
    const directoryHops = (published: (change: ReturnType<typeof changeOf>) => object) =>
      result.touched
        .flatMap((node) =>
          lineageOf({
            unitId: node.id,
            code: node.code,
            kind: node.kind,
            revision: 2,
            dissolvedOn: node.alive ? null : '2025-07-01',
            effectiveDate: '2025-07-01',
            timeline: [],
            change: published(changeOf(node)),
          }),
        )
        .map((hop) => `${hop.fromUnitId}>${hop.toUnitId} ${hop.share}`)
        .sort();
    return {
      engine,
      directory: directoryHops((change) => change),
      // An event published before `successors` was added.
      inferred: directoryHops(({ successors: _successors, ...change }) => change),
    };
  };

  it('a commune giving a village to one new commune and merged whole into another; whole merges', () => {
    const { engine, directory, inferred } = hopsOf([
      { type: 'CREATE', code: 'N1', kind: 'COMMUNE', name: 'Xã Mới 1', parent: 'P' },
      { type: 'CREATE', code: 'N2', kind: 'COMMUNE', name: 'Xã Mới 2', parent: 'P' },
      { type: 'MERGE', into: 'N1', sources: [{ unit: 'C3', share: 'PARTIAL' }] },
      { type: 'TRANSFER', from: 'C3', to: 'N1', dependents: ['V3'] },
      { type: 'MERGE', into: 'N1', sources: [{ unit: 'C1', share: 'WHOLE' }, { unit: 'C2', share: 'WHOLE' }] },
      { type: 'MERGE', into: 'N2', sources: [{ unit: 'C3', share: 'WHOLE' }, { unit: 'C4', share: 'WHOLE' }] },
      { type: 'DISSOLVE', unit: 'D1' },
      { type: 'DISSOLVE', unit: 'D2' },
    ]);
    expect(directory).toEqual(engine);
    expect(inferred).toEqual(engine);
    expect(directory).toEqual(['C1>new-1 WHOLE', 'C2>new-1 WHOLE', 'C3>new-1 PARTIAL', 'C3>new-2 WHOLE', 'C4>new-2 WHOLE']);
  });

  it('a split, a reclassification and a partial merge of a surviving commune', () => {
    const { engine, directory, inferred } = hopsOf([
      { type: 'CREATE', code: 'N1', kind: 'COMMUNE', name: 'Xã Mới 1', parent: 'P' },
      { type: 'CREATE', code: 'N2', kind: 'COMMUNE', name: 'Xã Mới 2', parent: 'P' },
      { type: 'MOVE', unit: 'V1', parent: 'N1' },
      { type: 'SPLIT', unit: 'C1', into: ['N1', 'N2'] },
      { type: 'RECLASSIFY', unit: 'V2', kind: 'SECURITY_TEAM', code: 'R2', parent: 'C2' },
      { type: 'MERGE', into: 'N2', sources: [{ unit: 'C3', share: 'PARTIAL' }] },
      { type: 'MOVE', unit: 'C2', parent: 'P' },
      { type: 'MOVE', unit: 'C3', parent: 'P' },
      { type: 'MOVE', unit: 'C4', parent: 'P' },
      { type: 'DISSOLVE', unit: 'D1' },
      { type: 'DISSOLVE', unit: 'D2' },
    ]);
    expect(directory).toEqual(engine);
    expect(inferred).toEqual(engine);
    expect(directory).toEqual(['C1>new-1 PARTIAL', 'C1>new-2 PARTIAL', 'C3>new-2 PARTIAL', 'V2>new-3 WHOLE']);
  });

  it('a commune merged in part into one new commune, giving a village to another, then merged whole into the first', () => {
    const { engine, directory, inferred } = hopsOf([
      { type: 'CREATE', code: 'N1', kind: 'COMMUNE', name: 'Xã Mới 1', parent: 'P' },
      { type: 'CREATE', code: 'N2', kind: 'COMMUNE', name: 'Xã Mới 2', parent: 'P' },
      { type: 'MERGE', into: 'N1', sources: [{ unit: 'C3', share: 'PARTIAL' }] },
      { type: 'TRANSFER', from: 'C3', to: 'N2', dependents: ['V3'] },
      { type: 'MERGE', into: 'N1', sources: [{ unit: 'C3', share: 'WHOLE' }] },
    ]);
    expect(directory).toEqual(engine);
    expect(directory).toEqual(['C3>new-1 WHOLE', 'C3>new-2 PARTIAL']);
    // The inference an event without `successors` leaves the directory: whole into the last successor named.
    expect(inferred).toEqual(['C3>new-1 PARTIAL', 'C3>new-2 WHOLE']);
  });
});
