import { PlanAppliedV1, UnitCreatedV1, UnitReorganisedV1 } from '@antt/contracts';
import { UNIT_DIRECTORY_TOPICS, unitDirectoryBatchHandlers, unitDirectoryHandlers, unitStatesOf } from './handlers';

describe('unit directory handlers', () => {
  it('reads one state from a per-unit event and every unit of a plan part', () => {
    expect(unitStatesOf({ type: UnitCreatedV1.fullType, data: UnitCreatedV1.example })).toEqual([UnitCreatedV1.example]);
    const second = { ...UnitReorganisedV1.example, unitId: '9f0e1d2c-3b4a-4c5d-8e6f-7a8b9c0d1e2f' };
    const part = { ...PlanAppliedV1.example, unitCount: 2, units: [UnitReorganisedV1.example, second] };
    expect(PlanAppliedV1.payload.safeParse(part).success).toBe(true);
    expect(unitStatesOf({ type: PlanAppliedV1.fullType, data: part }).map((state) => state.unitId)).toEqual([UnitReorganisedV1.example.unitId, second.unitId]);
  });

  it('handles every org-units type, the plan part included, with one batch function on the one topic', () => {
    const batch = unitDirectoryBatchHandlers();
    expect(Object.keys(unitDirectoryHandlers())).toContain(PlanAppliedV1.fullType);
    expect(new Set(Object.values(batch)).size).toBe(1);
    expect(batch[PlanAppliedV1.fullType]).toBe(batch[UnitCreatedV1.fullType]);
    expect(UNIT_DIRECTORY_TOPICS).toEqual(['org-units.unit']);
  });
});
