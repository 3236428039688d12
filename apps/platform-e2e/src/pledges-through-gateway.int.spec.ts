import pg from 'pg';
import { untilInDirectory } from './support/directory-reader';
import { eventually, sharedStack, type Stack } from './support/stack';
import { recordsKeyedBy } from './support/topic-records';
import { type CreateUnit, testUnits } from './support/test-units';

/**
 * Pledges as clients see them through the gateway: a commune imports its village's households as CSV, the coverage is read
 * against the residentHouseholds org-units published (through Kafka into the campaigns unit directory), an external agency
 * sees counts but no person, and the coverage change reaches its topic as one event.
 */
const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id status } }`;
const LAUNCH = `mutation($id: ID!) { launchCampaign(id: $id) { id status } }`;
const IMPORT = `mutation($input: ImportPledgesInput!) { importPledges(input: $input) { received imported alreadyPresent rejected rejections { row column code } } }`;
const UNIT = `query($id: ID!, $campaignId: ID!) { unit(id: $id) {
  name
  pledgeCoverage(campaignId: $campaignId) { pledgedHouseholds residentHouseholds householdPercent householdsComplete }
  pledges(campaignId: $campaignId) { personalDataAccess fullName phone citizenId householdCode }
} }`;

type UnitAnswer = {
  unit: {
    name: string;
    pledgeCoverage: { pledgedHouseholds: number; residentHouseholds: number; householdPercent: number; householdsComplete: boolean } | null;
    pledges: Array<{ personalDataAccess: string; fullName: string | null; phone: string | null; citizenId: string | null; householdCode: string | null }>;
  };
};

describe('pledges through the gateway', () => {
  let stack: Stack;
  let create: CreateUnit;
  let tag: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = sharedStack();
    ({ create, tag } = await testUnits(stack, ids, '2020-01-01'));
    await create('P', { kind: 'PROVINCE', name: 'Tỉnh Thử Nghiệm' });
    // The two-level tree (communes straight under the province) from the 2025 reform.
    await create('C', { kind: 'COMMUNE', name: 'Xã Bình Thanh', parentId: ids.P, effectiveDate: '2025-07-01' });
    await create('R', { kind: 'RESIDENTIAL_AREA', name: 'Thôn Nam', parentId: ids.C, attributes: { residentHouseholds: 3 }, effectiveDate: '2025-07-01' });
    await untilInDirectory(stack.campaignsDatabase.url, ids.R!, 'the village in the campaigns directory');
  }, 180_000);


  it('imports a village\'s households, reads the coverage, hides the people from an external agency, publishes one coverage event', async () => {
    const police = await stack.token(['STEERING_OFFICER'], ids.P!);
    const year = new Date().getUTCFullYear();
    const created = await stack.query<{ createCampaign: { id: string } }>(
      CREATE_CAMPAIGN,
      { input: { title: 'Kế hoạch thử nghiệm', legalBases: [], ownerUnitId: ids.P, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` } },
      police,
    );
    expect(created.errors).toBeUndefined();
    const campaignId = created.data!.createCampaign.id;
    expect((await stack.query(LAUNCH, { id: campaignId }, police)).errors).toBeUndefined();

    const commune = await stack.token(['LEVEL_OFFICER'], ids.C!);
    const csv = [
      'unit_code,signer_kind,full_name,birth_year,citizen_id,phone,household_code,signed_on',
      `${tag}-R,HOUSEHOLD,Nguyễn Văn Nam,1970,034070001234,0912345678,HGD-001,`,
      `${tag}-R,HOUSEHOLD,Trần Thị Bắc,1975,,0987654321,HGD-002,`,
      `${tag}-R,HOUSEHOLD,Lê Văn Đông,1968,034068004321,,HGD-003,`,
    ].join('\n');
    const imported = await stack.query<{ importPledges: { imported: number; rejected: number } }>(IMPORT, { input: { campaignId, csv } }, commune);
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importPledges).toMatchObject({ imported: 3, rejected: 0 });
    const again = await stack.query<{ importPledges: { imported: number; alreadyPresent: number } }>(IMPORT, { input: { campaignId, csv } }, commune);
    expect(again.data!.importPledges).toMatchObject({ imported: 0, alreadyPresent: 3 });

    const officer = await stack.query<UnitAnswer>(UNIT, { id: ids.R, campaignId }, commune);
    expect(officer.errors).toBeUndefined();
    expect(officer.data!.unit.name).toBe('Thôn Nam');
    expect(officer.data!.unit.pledgeCoverage).toEqual({ pledgedHouseholds: 3, residentHouseholds: 3, householdPercent: 100, householdsComplete: true });
    expect(officer.data!.unit.pledges.map((p) => p.citizenId).sort()).toEqual(['034068004321', '034070001234', null]);

    const ministry = await stack.token(['EXTERNAL_READER'], ids.P!);
    const external = await stack.query<UnitAnswer>(UNIT, { id: ids.R, campaignId }, ministry);
    expect(external.errors).toBeUndefined();
    expect(external.data!.unit.pledgeCoverage).toMatchObject({ pledgedHouseholds: 3, householdsComplete: true });
    expect(external.data!.unit.pledges).toHaveLength(3);
    for (const pledge of external.data!.unit.pledges) {
      expect(pledge).toEqual({ personalDataAccess: 'NONE', fullName: null, phone: null, citizenId: null, householdCode: null });
    }
    expect(JSON.stringify(external)).not.toMatch(/Nguyễn|0912345678|034070001234/);

    await eventually(
      async () => ((await recordsKeyedBy(stack.kafkaBrokers, `${stack.topicPrefix}campaigns.pledge-coverage`, [ids.R!])) === 1 ? true : undefined),
      30_000,
      'one pledge coverage event on its topic',
    );
    // What the relay published: counts only.
    const client = new pg.Client({ connectionString: stack.campaignsDatabase.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ envelope: { data: Record<string, unknown> }; published: boolean }>(
        `SELECT envelope, published_at IS NOT NULL AS published FROM outbox_event WHERE type = 'campaigns.pledge-coverage.changed.v1' AND aggregate_id = $1`,
        [ids.R],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.published).toBe(true);
      expect(rows[0]!.envelope.data).toMatchObject({ unitId: ids.R, pledgedHouseholds: 3, residentHouseholds: 3, added: 3 });
      expect(JSON.stringify(rows[0]!.envelope)).not.toMatch(/Nguyễn|Trần|Lê Văn|0912345678|0987654321|034070001234|034068004321|HGD-00/);
    } finally {
      await client.end();
    }
  });
});
