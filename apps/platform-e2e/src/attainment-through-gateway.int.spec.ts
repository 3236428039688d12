import { RecognitionDecidedV1 } from '@antt/contracts';
import { buildEnvelope, createKafkaClient, recordHeaders } from '@antt/events';
import { untilInDirectory } from './support/directory-reader';
import { eventually, sharedStack, type Stack } from './support/stack';
import { type CreateUnit, testUnits } from './support/test-units';

/**
 * Target attainment as a client sees it through the gateway: the unit directory fed by org-units events, registrations made
 * through the gateway, and a recognition published as the assessments service will publish it (a contract-valid event on the
 * stack's own assessments topic of the real broker) reaching the campaigns attainment consumer; `Unit.attainment` joined to
 * org-units' `Unit`.
 */
const ATTAINMENT = `query($id: ID!) { campaign(id: $id) { attainment { unitId targets { code numerator denominator percent met metLabel
  shortfall(first: 5) { totalCount units { code reason } } } } } }`;

type Target = { code: string; numerator: number; denominator: number; percent: number | null; met: boolean | null; metLabel: string; shortfall: { totalCount: number; units: Array<{ code: string; reason: string }> } };

describe('target attainment through the gateway, moved by an assessments event', () => {
  let stack: Stack;
  let create: CreateUnit;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = sharedStack();
    ({ create } = await testUnits(stack, ids, '2025-07-01'));
    await create('P', { kind: 'PROVINCE', name: 'Tỉnh Thử Nghiệm' });
    await create('C', { kind: 'COMMUNE', name: 'Xã Bình An', parentId: ids.P });
    await create('R1', { kind: 'RESIDENTIAL_AREA', name: 'Thôn Đông', parentId: ids.C, attributes: { residentHouseholds: 180 } });
    await create('R2', { kind: 'RESIDENTIAL_AREA', name: 'Thôn Tây', parentId: ids.C, attributes: { residentHouseholds: 150 } });
    await untilInDirectory(stack.campaignsDatabase.url, ids.R2!, 'the last village in the campaigns directory');
  }, 180_000);


  it('answers attainment through the gateway and moves when a recognition arrives on the assessments topic', async () => {
    const police = await stack.token(['STEERING_OFFICER'], ids.P!);
    const today = new Date().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const created = await stack.query<{ createCampaign: { id: string } }>(
      `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`,
      { input: { title: 'Kế hoạch thử nghiệm', legalBases: ['Quyết định 2447/QĐ-TTg'], ownerUnitId: ids.P, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` } },
      police,
    );
    expect(created.errors).toBeUndefined();
    const campaignId = created.data!.createCampaign.id;
    expect((await stack.query(`mutation($id: ID!) { launchCampaign(id: $id) { id } }`, { id: campaignId }, police)).errors).toBeUndefined();
    const registered = await stack.query(
      `mutation($input: RegisterUnitsInput!) { registerUnits(input: $input) { id } }`,
      { input: { campaignId, units: ['C', 'R1', 'R2'].map((key) => ({ unitId: ids[key], forSafeStandard: true, forClassification: true })) } },
      police,
    );
    expect(registered.errors).toBeUndefined();

    const read = async () => {
      const result = await stack.query<{ campaign: { attainment: { unitId: string; targets: Target[] } } }>(ATTAINMENT, { id: campaignId }, police);
      expect(result.errors).toBeUndefined();
      return result.data!.campaign.attainment;
    };
    const before = await read();
    expect(before.unitId).toBe(ids.P);
    const safe = (attainment: { targets: Target[] }) => attainment.targets.find((t) => t.code === 'SAFE_STANDARD_RESIDENTIAL')!;
    expect(before.targets.find((t) => t.code === 'REGISTRATION')).toMatchObject({ numerator: 3, denominator: 3, percent: 100, met: true, metLabel: 'Đạt' });
    expect(safe(before)).toMatchObject({ numerator: 0, denominator: 3, met: false, shortfall: { totalCount: 3 } });

    const kafka = createKafkaClient({ brokers: stack.kafkaBrokers, clientId: 'assessments-stand-in' });
    const producer = kafka.createProducer();
    await producer.connect();
    try {
      for (const [key, kind] of [['C', 'COMMUNE'], ['R1', 'RESIDENTIAL_AREA'], ['R2', 'RESIDENTIAL_AREA']] as const) {
        const unitId = ids[key]!;
        const envelope = buildEnvelope(
          {
            contract: RecognitionDecidedV1,
            aggregateId: unitId,
            data: { unitId, unitKind: kind, year, campaignId, decidingUnitId: ids.P!, decisionNumber: '12/QĐ-UBND', revision: 1, status: 'RECOGNISED', decidedOn: today, recognisedOn: today, revokedOn: null, reason: null },
          },
          'assessments',
        );
        await producer.send([{ topic: `${stack.topicPrefix}${RecognitionDecidedV1.topic}`, key: unitId, value: JSON.stringify(envelope), headers: recordHeaders(envelope) }]);
      }
    } finally {
      await producer.disconnect();
    }
    const after = await eventually(async () => {
      const attainment = await read();
      return safe(attainment).numerator === 3 ? attainment : undefined;
    }, 60_000, 'the recognitions applied by the attainment consumer');
    expect(safe(after)).toMatchObject({ numerator: 3, denominator: 3, percent: 100, met: true, shortfall: { totalCount: 0, units: [] } });
    expect(after.targets.find((t) => t.code === 'NEW_RURAL_SECURITY')).toMatchObject({ numerator: 1, denominator: 1, met: true });

    const commune = await stack.token(['LEVEL_OFFICER'], ids.C!);
    const joined = await stack.query<{ unit: { name: string; attainment: { unitId: string; targets: Array<{ code: string; numerator: number; denominator: number }> } | null } }>(
      `query($id: ID!, $campaignId: ID!) { unit(id: $id) { name attainment(campaignId: $campaignId) { unitId targets { code numerator denominator } } } }`,
      { id: ids.C, campaignId },
      commune,
    );
    expect(joined.errors).toBeUndefined();
    expect(joined.data!.unit.name).toBe('Xã Bình An');
    expect(joined.data!.unit.attainment?.targets.find((t) => t.code === 'SAFE_STANDARD_RESIDENTIAL')).toEqual({ code: 'SAFE_STANDARD_RESIDENTIAL', numerator: 2, denominator: 2 });
    const outside = await stack.query<{ unit: { attainment: unknown } | null }>(
      `query($id: ID!, $campaignId: ID!) { unit(id: $id) { attainment(campaignId: $campaignId) { unitId } } }`,
      { id: ids.P, campaignId },
      commune,
    );
    expect(outside.data?.unit?.attainment ?? null).toBeNull();
  });
});
