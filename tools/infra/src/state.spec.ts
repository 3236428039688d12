import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type InfraState, readInfraState, writeInfraState } from './state';

describe('infra state file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'h1-state-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is undefined before `up` has run', async () => {
    await expect(readInfraState(path.join(dir, 'infra.json'))).resolves.toBeUndefined();
  });

  it('round-trips what `up` resolved', async () => {
    const file = path.join(dir, 'nested', 'infra.json');
    const state: InfraState = {
      postgres: {
        adminUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
        source: 'local',
        managed: false,
        databases: {
          'org-units': 'postgres://postgres@127.0.0.1:5432/antt_org_units',
          campaigns: 'postgres://postgres@127.0.0.1:5432/antt_campaigns',
          assessments: 'postgres://postgres@127.0.0.1:5432/antt_assessments',
          models: 'postgres://postgres@127.0.0.1:5432/antt_models',
          awards: 'postgres://postgres@127.0.0.1:5432/antt_awards',
          gateway: 'postgres://postgres@127.0.0.1:5432/antt_gateway',
        },
      },
      kafka: { brokers: ['127.0.0.1:9092'], source: 'local', managed: true },
    };
    await writeInfraState(state, file);
    await expect(readInfraState(file)).resolves.toEqual(state);
  });

  it('rejects a file that is not a state file', async () => {
    const file = path.join(dir, 'infra.json');
    await writeFile(file, '{"hello": 1}');
    await expect(readInfraState(file)).rejects.toThrow(/is not an infra state file/);
  });
});
