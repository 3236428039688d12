import { toYaml } from './yaml';

describe('toYaml', () => {
  it('writes block YAML with quoted strings and safe keys', () => {
    expect(
      toYaml({ a: 'x: y', b: [1, { c: null, d: [] }], 'e f': {}, $ref: '#/x', yes: true, list: ['p', 'q'] }),
    ).toBe(
      [
        'a: "x: y"',
        'b:',
        '  - 1',
        '  - c: null',
        '    d: []',
        '"e f": {}',
        '$ref: "#/x"',
        '"yes": true',
        'list:',
        '  - "p"',
        '  - "q"',
        '',
      ].join('\n'),
    );
  });

  it('escapes quotes and newlines', () => {
    expect(toYaml({ s: 'Tổ "an ninh"\nthôn' })).toBe('s: "Tổ \\"an ninh\\"\\nthôn"\n');
  });
});
