import { ConfigError } from '@antt/service-kit';
import { DEV_PLEDGE_HASH_KEY, loadCampaignsConfig } from './config';

const base = { DATABASE_URL: 'postgresql://localhost/antt_campaigns', KAFKA_BROKERS: 'localhost:9092' };

describe('campaigns config: pledge keys', () => {
  it('development falls back to the development keys', () => {
    expect(loadCampaignsConfig(base).PLEDGE_HASH_KEY).toBe(DEV_PLEDGE_HASH_KEY);
  });

  it('production refuses the development keys and a key that is not 256 bits', () => {
    const production = { ...base, NODE_ENV: 'production', GATEWAY_SIGNING_KEY: 'k'.repeat(40) };
    expect(() => loadCampaignsConfig(production)).toThrow(/PLEDGE_HASH_KEY: the development key is refused in production/);
    expect(() => loadCampaignsConfig({ ...production, PLEDGE_HASH_KEY: 'ab' })).toThrow(ConfigError);
    const keys = { PLEDGE_HASH_KEY: '1'.repeat(64), PLEDGE_ENCRYPTION_KEY: '2'.repeat(64) };
    expect(loadCampaignsConfig({ ...production, ...keys }).PLEDGE_ENCRYPTION_KEY).toBe('2'.repeat(64));
    expect(() => loadCampaignsConfig({ ...production, ...keys, PLEDGE_ENCRYPTION_KEY: '1'.repeat(64) })).toThrow(/must differ/);
  });
});
