import { openDirectory, untilInDirectory } from './support/directory-reader';
import { eventually, gatewayQuery, sharedStack, type Stack, startStackGateway } from './support/stack';
import { startTcpProxy } from './support/tcp-proxy';
import { recordsKeyedBy } from './support/topic-records';
import { type CreateUnit, testUnits } from './support/test-units';

/**
 * Campaigns as a client sees them through the gateway, on the unit directory fed through Kafka: attributes carried by org-units
 * events decide R1, a query joins org-units' Unit with its campaigns registration, and campaign events reach their own topic.
 */
const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id status } }`;
const LAUNCH = `mutation($id: ID!) { launchCampaign(id: $id) { id status } }`;
const REGISTER = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id late unitKind } }`;

describe('campaigns through the gateway, on the unit directory fed by org-units events', () => {
  let stack: Stack;
  let create: CreateUnit;
  let admin: string;
  let tag: string;
  let campaignId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = sharedStack();
    ({ create, admin, tag } = await testUnits(stack, ids, '2020-01-01'));
    await create('P', { kind: 'PROVINCE', name: 'Tỉnh Thử Nghiệm' });
    // The two-level tree (communes straight under the province) from the 2025 reform.
    const reform = '2025-07-01';
    await create('C', { kind: 'COMMUNE', name: 'Xã Bình Thanh', parentId: ids.P, effectiveDate: reform });
    await create('R', { kind: 'RESIDENTIAL_AREA', name: 'Thôn Nam', parentId: ids.C, attributes: { residentHouseholds: 210 }, effectiveDate: reform });
    await create('E', { kind: 'ENTERPRISE', name: 'Công ty TNHH Bình Thanh', parentId: ids.C, attributes: { enterpriseSize: 'SMALL', staffCount: 30 }, effectiveDate: reform });
    await untilInDirectory(stack.campaignsDatabase.url, ids.E!, 'the enterprise in the campaigns directory');
  }, 180_000);


  it('launches a campaign, registers units with R1 decided on the attributes org-units published, and joins Unit across subgraphs', async () => {
    const police = await stack.token(['STEERING_OFFICER'], ids.P!);
    const year = new Date().getUTCFullYear();
    const created = await stack.query<{ createCampaign: { id: string } }>(
      CREATE_CAMPAIGN,
      { input: { title: 'Kế hoạch thử nghiệm', legalBases: ['Quyết định 2447/QĐ-TTg'], ownerUnitId: ids.P, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` } },
      police,
    );
    expect(created.errors).toBeUndefined();
    campaignId = created.data!.createCampaign.id;
    expect((await stack.query(LAUNCH, { id: campaignId }, police)).errors).toBeUndefined();

    const commune = await stack.token(['LEVEL_OFFICER'], ids.C!);
    const village = await stack.query<{ registerUnit: { id: string; late: boolean } }>(REGISTER, { input: { campaignId, unitId: ids.R, forSafeStandard: true, forClassification: true } }, commune);
    expect(village.errors).toBeUndefined();
    const enterprise = await stack.query(REGISTER, { input: { campaignId, unitId: ids.E, forSafeStandard: true, forClassification: true } }, commune);
    expect(enterprise.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REGISTRATION_OUTSIDE_SAFE_STANDARD_SCOPE' });

    const joined = await stack.query<{ unit: { name: string; safeStandardScope: { applies: boolean }; registration: { late: boolean } | null } }>(
      `query($id: ID!, $campaignId: ID!) { unit(id: $id) { name safeStandardScope { applies } registration(campaignId: $campaignId) { late } } }`,
      { id: ids.R, campaignId },
      commune,
    );
    expect(joined.errors).toBeUndefined();
    expect(joined.data!.unit).toEqual({ name: 'Thôn Nam', safeStandardScope: { applies: true }, registration: { late: village.data!.registerUnit.late } });

    // One record each, keyed by this campaign and this registration (other files' campaigns share the stack's topics).
    await eventually(
      async () => ((await recordsKeyedBy(stack.kafkaBrokers, `${stack.topicPrefix}campaigns.campaign`, [campaignId])) === 1 ? true : undefined),
      30_000,
      'campaign launched on its topic',
    );
    await eventually(
      async () => ((await recordsKeyedBy(stack.kafkaBrokers, `${stack.topicPrefix}campaigns.registration`, [village.data!.registerUnit.id])) === 1 ? true : undefined),
      30_000,
      'registration submitted on its topic',
    );
  });
  it('gives a commune officer its province’s campaign with the owner unit null (org-units does not show it) and no error', async () => {
    const commune = await stack.token(['LEVEL_OFFICER'], ids.C!);
    const fields = 'id ownerUnitId ownerUnitCode ownerUnitName ownerUnit { name } scopeUnit { name } registrationSummary { unitId unit { name } }';
    const expected = {
      id: campaignId,
      ownerUnitId: ids.P,
      ownerUnitCode: `${tag}-P`,
      ownerUnitName: 'Tỉnh Thử Nghiệm',
      ownerUnit: null,
      scopeUnit: null,
      registrationSummary: { unitId: ids.C, unit: { name: 'Xã Bình Thanh' } },
    };
    const one = await stack.query<{ campaign: unknown }>(`query($id: ID!) { campaign(id: $id) { ${fields} } }`, { id: campaignId }, commune);
    expect(one).toEqual({ data: { campaign: expected } });
    // In a list, one unit org-units does not show never voids the list.
    const list = await stack.query<{ campaigns: { id: string }[] }>(`{ campaigns { ${fields} } }`, {}, commune);
    expect(list.errors).toBeUndefined();
    expect(list.extensions).toBeUndefined();
    expect(list.data!.campaigns).toContainEqual(expected);
    // The province's own officer sees the unit.
    const province = await stack.token(['STEERING_OFFICER'], ids.P!);
    const own = await stack.query<{ campaign: { ownerUnit: unknown } }>(`query($id: ID!) { campaign(id: $id) { ownerUnit { name } } }`, { id: campaignId }, province);
    expect(own).toEqual({ data: { campaign: { ownerUnit: { name: 'Tỉnh Thử Nghiệm' } } } });
  });

  it('carries a merge org-units applies into the campaigns directory’s lineage, through Kafka', async () => {
    await create('A', { kind: 'COMMUNE', name: 'Xã Bình An', parentId: ids.P, effectiveDate: '2025-07-01' });
    await create('AV', { kind: 'RESIDENTIAL_AREA', name: 'Thôn Bắc', parentId: ids.A, effectiveDate: '2025-07-01' });
    const merged = await stack.query(
      `mutation($input: MergeUnitsInput!) { mergeUnits(input: $input) { id } }`,
      { input: { sourceIds: [ids.A], targetId: ids.C, effectiveDate: '2025-09-01', reason: 'Sáp nhập thử nghiệm' } },
      admin,
    );
    expect(merged.errors).toBeUndefined();
    const { directory, close } = openDirectory(stack.campaignsDatabase.url);
    try {
      const successors = await eventually(
        async () => {
          const found = await directory.successorsOf(ids.A!, '2025-09-02');
          return found.length > 0 ? found : undefined;
        },
        60_000,
        'the merge in the campaigns directory’s lineage',
      );
      expect(successors).toEqual([{ unitId: ids.C, share: 'WHOLE', generations: 1, effectiveDate: '2025-09-01' }]);
      expect(await directory.absorbedInto(ids.C!, '2025-08-01')).toEqual([{ unitId: ids.A, share: 'WHOLE', generations: 1, effectiveDate: '2025-09-01' }]);
      // Reads by Bình Thanh's staff reach Bình An's past; the tree itself (writes) does not.
      expect(await directory.isWithinForRead(ids.AV!, ids.C!, '2025-08-01')).toBe(true);
      expect(await directory.isWithin(ids.AV!, ids.C!, '2025-08-01')).toBe(false);
      expect((await directory.carrierOf(ids.A!, '2025-09-02'))?.unitId).toBe(ids.C);
    } finally {
      await close();
    }
  });

  // The shared stack's processes keep running for the other files: this test cuts campaigns off from a gateway of its own,
  // in front of the same subgraphs with campaigns reached through a proxy that it closes (to the gateway, campaigns stopped).
  it('refuses a cost bomb at the gateway, and with campaigns stopped answers the org-units part and names campaigns', async () => {
    const proxy = await startTcpProxy(stack.campaigns.baseUrl);
    const gateway = await startStackGateway(
      {
        orgUnits: stack.orgUnits.graphqlUrl,
        campaigns: `${proxy.url}/graphql`,
        models: stack.models.graphqlUrl,
        assessments: stack.assessments.graphqlUrl,
        awards: stack.awards.graphqlUrl,
      },
      stack,
    );
    try {
      const query = gatewayQuery(gateway.graphqlUrl);
      const commune = await stack.token(['LEVEL_OFFICER'], ids.C!);
      const bomb = await query(
        `query($id: ID!) { unit(id: $id) { descendants(first: 1000) { edges { node { children(first: 1000) { edges { node { code } } } } } } } }`,
        { id: ids.C },
        commune,
      );
      expect(bomb.data).toBeUndefined();
      expect(bomb.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT' });
      // A gateway just started, on a busy machine: its probe of campaigns (1 s) may need a few tries before it first answers.
      const readyBefore = await eventually(
        async () => {
          const body = (await (await fetch(`${gateway.baseUrl}/ready`)).json()) as { status: string };
          return body.status === 'ready' ? body : undefined;
        },
        30_000,
        'the new gateway ready with every subgraph',
      );
      expect(readyBefore).toMatchObject({ status: 'ready', checks: { 'subgraph:org-units': 'ok', 'subgraph:campaigns': 'ok' } });
      // Through campaigns once, so that the gateway holds a connection to it that the stop cuts.
      const joined = await query<{ unit: { registration: unknown } }>(`query($id: ID!, $campaignId: ID!) { unit(id: $id) { registration(campaignId: $campaignId) { late } } }`, { id: ids.R, campaignId }, commune);
      expect(joined.errors).toBeUndefined();

      await proxy.close();
      const partial = await query<{ unit: { name: string; registration: unknown } }>(
        `query($id: ID!, $campaignId: ID!) { unit(id: $id) { name registration(campaignId: $campaignId) { late } } }`,
        { id: ids.R, campaignId: '00000000-0000-4000-8000-000000000000' },
        commune,
      );
      expect(partial.data).toEqual({ unit: { name: 'Thôn Nam', registration: null } });
      expect(partial.errors).toHaveLength(1);
      expect(partial.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'campaigns' });
      const readyAfter = await fetch(`${gateway.baseUrl}/ready`);
      expect(readyAfter.status).toBe(200);
      expect(await readyAfter.json()).toMatchObject({ status: 'degraded', failed: ['subgraph:campaigns'] });
    } finally {
      await gateway.stop();
      await proxy.close();
    }
  });
});
