import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemoCli } from './demo-cli';

describe('runDemoCli', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'antt-demo-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a national tree of the requested size as JSON Lines', () => {
    const message = runDemoCli(['national', 'out/n.jsonl', '--provinces', '2', '--communes', '20', '--residential-areas', '50'], dir);
    const lines = readFileSync(join(dir, 'out/n.jsonl'), 'utf8').trimEnd().split('\n');
    const kinds = lines.map((line) => (JSON.parse(line) as { kind: string }).kind);
    expect(kinds.filter((kind) => kind === 'COMMUNE')).toHaveLength(20);
    expect(kinds.filter((kind) => kind === 'RESIDENTIAL_AREA')).toHaveLength(50);
    expect(message).toBe(`wrote ${lines.length} national units to ${join(dir, 'out/n.jsonl')} (jsonl)`);
  });

  it('writes the Thái Bình tree as CSV', () => {
    runDemoCli(['thai-binh', 'tb.csv'], dir);
    const csv = readFileSync(join(dir, 'tb.csv'), 'utf8');
    expect(csv.startsWith('code,kind,name,parentCode,managingUnitCode,effectiveFrom,')).toBe(true);
    expect(csv).toContain('TB-VT-VUHOI,COMMUNE,Xã Vũ Hội,TB-VT,,2020-01-01,,,,,,XA\n');
  });

  it('explains its usage on bad arguments', () => {
    expect(() => runDemoCli([], dir)).toThrow('usage: tsx tools/platform/src/demo/write.ts');
    expect(() => runDemoCli(['atlantis', 'x.json'], dir)).toThrow('unknown tree "atlantis"');
    expect(() => runDemoCli(['national', 'x.json', '--communes', 'many'], dir)).toThrow('--communes must be a whole number');
    expect(() => runDemoCli(['national', 'x.txt'], dir)).toThrow('use .json, .jsonl or .csv');
  });
});
