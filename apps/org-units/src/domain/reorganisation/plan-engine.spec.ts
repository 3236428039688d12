import { type SnapshotUnit, runPlan } from './plan-engine';
import { snapshotUnit } from './plan-fixtures';
import { type PlanOperation } from './plan.types';

const unit = (id: string, kind: SnapshotUnit['kind'], parentId: string | null, managingUnitId: string | null = null): SnapshotUnit =>
  snapshotUnit(id, kind, parentId, { managingUnitId });

/** P › D1 › C1 › V1, D1 › C2 › V2, P › D2 › C3 › V3 and V4; a school S under D1, managed by D1. */
const tree = () => ({
  date: '2025-07-01',
  units: [
    unit('P', 'PROVINCE', null),
    unit('D1', 'DISTRICT', 'P'),
    unit('D2', 'DISTRICT', 'P'),
    unit('C1', 'COMMUNE', 'D1'),
    unit('C2', 'COMMUNE', 'D1'),
    unit('C3', 'COMMUNE', 'D2'),
    unit('V1', 'RESIDENTIAL_AREA', 'C1'),
    unit('V2', 'RESIDENTIAL_AREA', 'C2'),
    unit('V3', 'RESIDENTIAL_AREA', 'C3'),
    unit('V4', 'RESIDENTIAL_AREA', 'C3'),
    unit('S', 'SCHOOL', 'D1', 'D1'),
  ],
  codesHeldLater: new Set<string>(),
});

let counter = 0;
const newId = () => `new-${(counter += 1)}`;

const reform: PlanOperation[] = [
  { type: 'CREATE', code: 'N1', kind: 'COMMUNE', name: 'Xã Mới', parent: 'P' },
  { type: 'MERGE', into: 'N1', sources: [{ unit: 'C1', share: 'WHOLE' }, { unit: 'C3', share: 'PARTIAL' }] },
  { type: 'TRANSFER', from: 'C3', to: 'N1', dependents: ['V3'] },
  { type: 'DISSOLVE', unit: 'D1' },
  { type: 'DISSOLVE', unit: 'D2' },
  { type: 'MOVE', unit: 'C2', parent: 'P' },
  { type: 'MOVE', unit: 'C3', parent: 'P' },
  { type: 'UPDATE', unit: 'S', managingUnit: 'P' },
  { type: 'MOVE', unit: 'S', parent: 'P' },
];

describe('runPlan', () => {
  it('validates against the tree the whole plan leaves, not operation by operation', () => {
    const result = runPlan(tree(), reform, newId, null);
    expect(result.errors).toEqual([]);
    expect(result.report.after).toEqual([
      { kind: 'COMMUNE', parentKind: 'PROVINCE', count: 3 },
      { kind: 'PROVINCE', parentKind: null, count: 1 },
      { kind: 'RESIDENTIAL_AREA', parentKind: 'COMMUNE', count: 4 },
      { kind: 'SCHOOL', parentKind: 'PROVINCE', count: 1 },
    ]);
    expect(result.report.before).toContainEqual({ kind: 'COMMUNE', parentKind: 'DISTRICT', count: 3 });
    expect(result.report).toMatchObject({ created: 1, dissolved: 3, lineageEdges: 3, rehomed: 2 });
    const byCode = new Map(result.touched.map((node) => [node.code, node]));
    const n1 = byCode.get('N1');
    expect(byCode.get('V1')?.parentId).toBe(n1?.id);
    expect(byCode.get('V3')?.parentId).toBe(n1?.id);
    expect(byCode.has('V4')).toBe(false);
    expect(result.lineage).toEqual([
      { event: 'MERGE', share: 'WHOLE', predecessorId: 'C1', successorId: n1?.id },
      { event: 'MERGE', share: 'PARTIAL', predecessorId: 'C3', successorId: n1?.id },
      { event: 'TRANSFER', share: 'PARTIAL', predecessorId: 'C3', successorId: n1?.id },
    ]);
    expect(result.changes.get('C1')).toEqual(['merged']);
    expect(result.dissolvedIds.sort()).toEqual(['C1', 'D1', 'D2']);
  });

  it('abolishes a level by handing each unit\'s dependents to its parent', () => {
    const result = runPlan(tree(), [{ type: 'DISSOLVE', unit: 'D1', handToParent: true }, { type: 'DISSOLVE', unit: 'D2', handToParent: true }], newId, null);
    expect(result.errors).toEqual([]);
    expect(result.report.after).toContainEqual({ kind: 'COMMUNE', parentKind: 'PROVINCE', count: 3 });
    expect(result.touched.find((node) => node.code === 'S')).toMatchObject({ parentId: 'P', managingUnitId: 'P' });
  });

  it('names the operation and unit of every rule the plan breaks', () => {
    const plan: PlanOperation[] = [
      { type: 'CREATE', code: 'D3', kind: 'DISTRICT', name: 'Huyện Mới', parent: 'P' },
      { type: 'RENAME', unit: 'NOPE', name: 'X' },
      { type: 'DISSOLVE', unit: 'D1' },
      { type: 'CREATE', code: 'V1', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parent: 'C2' },
    ];
    const result = runPlan(tree(), plan, newId, null);
    expect(result.report.valid).toBe(false);
    expect(result.errors.map((e) => [e.index, e.unitCode, e.reason])).toEqual([
      [1, 'NOPE', 'UNIT_NOT_FOUND'],
      [3, 'V1', 'UNIT_CODE_TAKEN'],
      [0, 'D3', 'UNIT_PLACEMENT_NOT_IN_FORCE'],
      [2, 'D1', 'UNIT_HAS_LIVE_CHILDREN'],
      [2, 'D1', 'UNIT_MANAGES_LIVE_UNITS'],
    ]);
  });

  it('refuses units with later changes, splits without homes for their dependents, and reclassifies with lineage', () => {
    const snapshot = tree();
    const later = { ...snapshot, units: snapshot.units.map((u) => (u.id === 'C2' ? { ...u, laterChanges: true } : u)) };
    expect(runPlan(later, [{ type: 'RENAME', unit: 'C2', name: 'Xã' }], newId, null).errors.map((e) => e.reason)).toEqual(['PLAN_LATER_CHANGES']);

    const split = runPlan(
      tree(),
      [
        { type: 'CREATE', code: 'A', kind: 'COMMUNE', name: 'A', parent: 'P' },
        { type: 'CREATE', code: 'B', kind: 'COMMUNE', name: 'B', parent: 'P' },
        { type: 'SPLIT', unit: 'C3', into: ['A', 'B'] },
        { type: 'MOVE', unit: 'V3', parent: 'A' },
      ],
      newId,
      null,
    );
    expect(split.errors.map((e) => [e.index, e.unitCode, e.reason])).toEqual([[2, 'C3', 'UNIT_HAS_LIVE_CHILDREN']]);

    // An island district becomes a special zone (commune level) and absorbs its only commune.
    const reclassify: PlanOperation = {
      type: 'RECLASSIFY',
      unit: 'D2',
      kind: 'COMMUNE',
      code: 'DK1',
      name: 'Đặc khu Cồn Cỏ',
      parent: 'P',
      attributes: { communeType: 'DAC_KHU' },
    };
    expect(runPlan(tree(), [reclassify], newId, null).errors.map((e) => [e.unitCode, e.reason])).toEqual([['C3', 'UNIT_PARENT_KIND_NOT_ALLOWED']]);
    const reclassified = runPlan(tree(), [reclassify, { type: 'MERGE', into: 'DK1', sources: [{ unit: 'C3', share: 'WHOLE' }] }], newId, null);
    expect(reclassified.errors).toEqual([]);
    const zone = reclassified.touched.find((node) => node.code === 'DK1');
    expect(reclassified.touched.find((node) => node.code === 'V4')?.parentId).toBe(zone?.id);
    expect(zone?.attributes.communeType).toBe('DAC_KHU');
    const early = runPlan({ ...tree(), date: '2025-06-30' }, [{ ...reclassify, code: 'DK2' }], newId, null);
    expect(early.errors.map((e) => [e.index, e.reason])).toEqual([[0, 'UNIT_INVALID_INPUT']]);
    expect(reclassified.lineage).toEqual([
      { event: 'RECLASSIFY', share: 'WHOLE', predecessorId: 'D2', successorId: zone?.id },
      { event: 'MERGE', share: 'WHOLE', predecessorId: 'C3', successorId: zone?.id },
    ]);
  });

  describe('codes on the plan\'s date', () => {
    it('lets a new commune take the code of a commune merged whole earlier in the plan', () => {
      const result = runPlan(
        tree(),
        [
          { type: 'CREATE', code: 'N1', kind: 'COMMUNE', name: 'Xã Mới', parent: 'P' },
          { type: 'MERGE', into: 'N1', sources: [{ unit: 'C1', share: 'WHOLE' }, { unit: 'C2', share: 'WHOLE' }] },
          { type: 'CREATE', code: 'C1', kind: 'COMMUNE', name: 'Xã Vũ Hội', parent: 'P' },
        ],
        newId,
        null,
      );
      expect(result.errors).toEqual([]);
      const reused = result.touched.find((node) => node.isNew && node.code === 'C1');
      expect(reused?.alive).toBe(true);
      expect(result.touched.find((node) => node.id === 'C1')?.alive).toBe(false);
    });

    it('recodes the new commune to the code of a source it absorbed', () => {
      const result = runPlan(
        tree(),
        [
          { type: 'CREATE', code: 'N1', kind: 'COMMUNE', name: 'Xã Mới', parent: 'P' },
          { type: 'MERGE', into: 'N1', sources: [{ unit: 'C1', share: 'WHOLE' }, { unit: 'C2', share: 'WHOLE' }] },
          { type: 'RECODE', unit: 'N1', code: 'C2' },
        ],
        newId,
        null,
      );
      expect(result.errors).toEqual([]);
      const merged = result.touched.find((node) => node.isNew);
      expect(merged).toMatchObject({ code: 'C2', alive: true });
      expect(result.changes.get(merged?.id ?? '')).toEqual(['created', 'merged', 'recoded']);
      expect(result.report.recoded).toBe(0);
    });

    it('refuses a code a live unit holds at that point of the plan', () => {
      const result = runPlan(tree(), [{ type: 'RECODE', unit: 'C3', code: 'C1' }, { type: 'CREATE', code: 'V4', kind: 'RESIDENTIAL_AREA', name: 'Thôn 4', parent: 'C1' }], newId, null);
      expect(result.errors.map((error) => [error.index, error.reason, error.unitCode])).toEqual([
        [0, 'UNIT_CODE_TAKEN', 'C1'],
        [1, 'UNIT_CODE_TAKEN', 'V4'],
      ]);
    });

    it('refuses a code some unit holds after the plan\'s date, even when it is free on the date', () => {
      const result = runPlan(
        { ...tree(), codesHeldLater: new Set(['L1']) },
        [
          { type: 'CREATE', code: 'L1', kind: 'COMMUNE', name: 'Xã Mới', parent: 'P' },
          { type: 'RECODE', unit: 'C2', code: 'L1' },
        ],
        newId,
        null,
      );
      expect(result.errors.map((error) => [error.index, error.reason])).toEqual([
        [0, 'UNIT_CODE_TAKEN'],
        [1, 'UNIT_CODE_TAKEN'],
      ]);
      expect(result.errors[0]?.message).toContain('after 2025-07-01');
    });
  });
});
