import { type MappingTreeUnit, mappingToOperations } from './plan-mapping';

const tree: MappingTreeUnit[] = [
  { code: '34', kind: 'PROVINCE', name: 'Tỉnh Thái Bình', parentCode: null },
  { code: '33', kind: 'PROVINCE', name: 'Tỉnh Hưng Yên', parentCode: null },
  { code: '344', kind: 'DISTRICT', name: 'Huyện Vũ Thư', parentCode: '34' },
  { code: '12670', kind: 'COMMUNE', name: 'Xã Vũ Hội', parentCode: '344' },
  { code: '12676', kind: 'COMMUNE', name: 'Xã Vũ Vinh', parentCode: '344' },
];

describe('mappingToOperations', () => {
  it('orders creations from the top level down, partial parts before whole merges, abolished levels last', () => {
    const { operations, errors } = mappingToOperations(
      [
        { newCode: '12680', newName: 'Xã Vũ Thư', newKind: 'COMMUNE', newParentCode: '33', sourceCode: '12670', share: 'WHOLE' },
        { newCode: '12680', sourceCode: '12676', share: 'partial', dependents: '12676-01; 12676-02' },
        { newCode: '33', newName: 'Tỉnh Hưng Yên', sourceCode: '34', share: 'WHOLE' },
        { newCode: '12676', newName: 'Phường Vũ Vinh', newParentCode: '33' },
      ],
      tree,
      { abolishKinds: ['DISTRICT'] },
    );
    expect(errors).toEqual([]);
    expect(operations).toEqual([
      { type: 'CREATE', code: '12680', kind: 'COMMUNE', name: 'Xã Vũ Thư', parent: '33', attributes: { communeType: 'XA' } },
      { type: 'RENAME', unit: '12676', name: 'Phường Vũ Vinh' },
      { type: 'UPDATE', unit: '12676', attributes: { communeType: 'PHUONG' } },
      { type: 'MOVE', unit: '12676', parent: '33' },
      { type: 'MERGE', into: '12680', sources: [{ unit: '12676', share: 'PARTIAL' }] },
      { type: 'TRANSFER', from: '12676', to: '12680', dependents: ['12676-01', '12676-02'] },
      { type: 'MERGE', into: '33', sources: [{ unit: '34', share: 'WHOLE' }] },
      { type: 'MERGE', into: '12680', sources: [{ unit: '12670', share: 'WHOLE' }] },
      { type: 'DISSOLVE', unit: '344', handToParent: true },
    ]);
  });

  it('reports each malformed row by number and makes no operation of it', () => {
    const { operations, errors } = mappingToOperations(
      [{ newName: 'X' }, { newCode: 'N1', newKind: 'VILLAGE' }, { newCode: 'N2', share: 'HALF' }, { newCode: 'N3', newKind: 'COMMUNE', sourceCode: '12670' }],
      tree,
    );
    expect(errors.map((e) => [e.index, e.reason])).toEqual([
      [1, 'MAPPING_FIELD_REQUIRED'],
      [2, 'INVALID_KIND'],
      [3, 'MAPPING_INVALID_SHARE'],
      [4, 'MAPPING_FIELD_REQUIRED'],
    ]);
    expect(operations).toEqual([]);
  });

  it('carries a unit on under a new code (previousCode): recoded first, then named by its new code everywhere', () => {
    const { operations, errors } = mappingToOperations(
      [
        { newCode: '33', newName: 'Tỉnh Hưng Yên', sourceCode: '34', share: 'WHOLE' },
        { newCode: '12999', previousCode: '12670', newName: 'Xã Vũ Hội Mới', newParentCode: '33' },
        { newCode: '12999', sourceCode: '12676', share: 'PARTIAL', dependents: '12676-01' },
        { newCode: '13001', newName: 'Xã Hòa Bình', newKind: 'COMMUNE', newParentCode: '33', sourceCode: '12670', share: 'PARTIAL' },
      ],
      tree,
      { abolishKinds: ['DISTRICT'] },
    );
    expect(errors).toEqual([]);
    expect(operations).toEqual([
      { type: 'RECODE', unit: '12670', code: '12999' },
      { type: 'RENAME', unit: '12999', name: 'Xã Vũ Hội Mới' },
      { type: 'UPDATE', unit: '12999', attributes: { communeType: 'XA' } },
      { type: 'MOVE', unit: '12999', parent: '33' },
      { type: 'CREATE', code: '13001', kind: 'COMMUNE', name: 'Xã Hòa Bình', parent: '33', attributes: { communeType: 'XA' } },
      { type: 'MERGE', into: '12999', sources: [{ unit: '12676', share: 'PARTIAL' }] },
      { type: 'TRANSFER', from: '12676', to: '12999', dependents: ['12676-01'] },
      { type: 'MERGE', into: '13001', sources: [{ unit: '12999', share: 'PARTIAL' }] },
      { type: 'MERGE', into: '33', sources: [{ unit: '34', share: 'WHOLE' }] },
      { type: 'DISSOLVE', unit: '344', handToParent: true },
    ]);
  });

  it('refuses a previousCode that is not a live unit, or a newCode another live unit holds', () => {
    const { operations, errors } = mappingToOperations(
      [
        { newCode: '12999', previousCode: 'NO-SUCH', newName: 'Xã A' },
        { newCode: '12676', previousCode: '12670', newName: 'Xã B' },
      ],
      tree,
    );
    expect(errors.map((e) => [e.index, e.reason])).toEqual([
      [1, 'MAPPING_UNKNOWN_PREVIOUS_CODE'],
      [2, 'UNIT_CODE_TAKEN'],
    ]);
    expect(operations).toEqual([]);
  });
});
