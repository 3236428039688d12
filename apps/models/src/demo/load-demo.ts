import { createHash } from 'node:crypto';
import { type Identity } from '@antt/auth';
import { type Clock, type DateRange } from '@antt/service-kit';
import { type DirectoryEntry, UnitDirectory } from '@antt/unit-directory';
import { type PrismaClient } from '../generated/prisma/client';
import { createModelsDomain } from '../domain/models.module';
import { type ModelRating } from '../domain/review';

/** What the demo loader did. */
export interface DemoOutcome {
  loaded: boolean;
  models: number;
  replicas: number;
  reviews: number;
  ineffective: number;
  dissolved: number;
  examples: number;
}

const PROVINCE_CODE = 'TB';
const TREE_DATE = '2024-06-01';

/** A stable pseudo-random number 0..999 per key: the same demo on every machine. */
function draw(key: string): number {
  return createHash('sha256').update(key).digest().readUInt16BE(0) % 1000;
}

const COMMUNE_MODELS = [
  { typeCode: 'SECURITY_CAMERA', name: (unit: string) => `Camera an ninh ${unit}` },
  { typeCode: 'RESIDENTIAL_SELF_MANAGEMENT', name: (unit: string) => `Khu dân cư tự quản về an ninh, trật tự ${unit}` },
  { typeCode: 'RELIGIOUS_SITE', name: (unit: string) => `Giáo xứ, chùa tự quản về an ninh, trật tự ${unit}` },
  { typeCode: 'OTHER', name: (unit: string) => `Dòng họ tự quản, không có tội phạm và tệ nạn xã hội ${unit}` },
] as const;

const OWN_MODEL: Record<string, { typeCode: string; name: (unit: string) => string }> = {
  AGENCY: { typeCode: 'AGENCY', name: (unit) => `Cơ quan an toàn về an ninh, trật tự — ${unit}` },
  ENTERPRISE: { typeCode: 'ENTERPRISE', name: (unit) => `Doanh nghiệp tự quản về an ninh, trật tự — ${unit}` },
  SCHOOL: { typeCode: 'SCHOOL', name: (unit) => `Cổng trường an toàn giao thông — ${unit}` },
};

/**
 * The 2024 Thái Bình demo in models, through the domain's own commands with the clock walking through 2023 and 2024: each
 * commune registers one to three models (some replicated to its villages), about one agency, enterprise or school in ten its
 * own; each model runs at a site with a team; most held a training in 2024 (the others are flagged); the district (the province
 * for units it manages directly) rates every model for the 2024 window (about 8% INEFFECTIVE, some of them twice in a row and
 * dissolved by the district's decision); each district recognises two advanced examples. Does nothing when models already
 * holds models.
 */
export async function loadDemoModels(prisma: PrismaClient, dates: DateRange, log: (line: string) => void): Promise<DemoOutcome> {
  const outcome: DemoOutcome = { loaded: false, models: 0, replicas: 0, reviews: 0, ineffective: 0, dissolved: 0, examples: 0 };
  if ((await prisma.selfManagementModel.count()) > 0) return outcome;
  const directory = new UnitDirectory(prisma);
  const province = (await prisma.directoryUnit.findFirst({ where: { code: PROVINCE_CODE } }))?.unitId;
  if (!province) throw new Error(`The models unit directory has no unit ${PROVINCE_CODE}: is the unit directory consumer running?`);
  outcome.loaded = true;
  let today = '2023-06-01';
  const clock: Clock = { today: () => today, now: () => new Date() };
  const services = createModelsDomain(prisma, clock, { dates, ineffectiveStreak: 2, trainingPeriodDays: 365 }).forRequest();
  const officer = (unitId: string, subject: string, role: Identity['roles'][number] = 'LEVEL_OFFICER') => ({
    caller: { subject, roles: [role], jurisdictionUnitId: unitId } satisfies Identity,
    correlationId: 'demo-models-2024',
  });
  const police = officer(province, 'pv05@cong-an-tinh-thai-binh', 'STEERING_OFFICER');
  const districts = await directory.descendantsOf(province, TREE_DATE, ['DISTRICT']);
  const districtOf = async (unit: DirectoryEntry) => (await directory.ancestorOfKind(unit.unitId, ['DISTRICT'], TREE_DATE)) ?? null;

  interface Planned {
    id: string;
    host: DirectoryEntry;
    draw: number;
  }
  const planned: Planned[] = [];
  const add = async (host: DirectoryEntry, by: ReturnType<typeof officer>, typeCode: string, name: string, foundedOn: string) => {
    const model = await services.models.createModel(by, { name, typeCode, hostUnitId: host.unitId, foundedOn });
    planned.push({ id: model.id, host, draw: draw(model.name + host.code) });
    outcome.models += 1;
    return model;
  };

  const communes = await directory.descendantsOf(province, TREE_DATE, ['COMMUNE']);
  for (const commune of communes) {
    const by = officer(commune.unitId, `ca@${commune.code.toLowerCase()}`);
    const count = 1 + (draw(`${commune.code}:count`) % 3);
    const villages = (await directory.descendantsOf(commune.unitId, TREE_DATE, ['RESIDENTIAL_AREA'])).filter((village) => village.depth === 1);
    for (let index = 0; index < count; index += 1) {
      const kind = COMMUNE_MODELS[(draw(`${commune.code}:type`) + index) % COMMUNE_MODELS.length] ?? COMMUNE_MODELS[0];
      // The demo tree starts on 2020-01-01 (DEMO_EFFECTIVE_FROM): models are founded from 2020 to 2022.
      const founded = `202${draw(`${commune.code}:${index}`) % 3}-0${1 + (index % 9)}-15`;
      const model = await add(commune, by, kind.typeCode, kind.name(commune.name), founded);
      if (index === 0 && draw(`${commune.code}:replicate`) < 400) {
        for (const village of villages.slice(0, 1 + (draw(`${commune.code}:villages`) % 2))) {
          const replica = await services.models.replicateModel(by, { sourceModelId: model.id, hostUnitId: village.unitId, name: kind.name(village.name), foundedOn: '2023-03-26' });
          planned.push({ id: replica.id, host: village, draw: draw(replica.name + village.code) });
          outcome.replicas += 1;
        }
      }
    }
  }
  const others = await directory.descendantsOf(province, TREE_DATE, Object.keys(OWN_MODEL));
  for (const unit of others.filter((entry) => draw(`${entry.code}:own`) < 100)) {
    const own = OWN_MODEL[unit.kind];
    if (!own) continue;
    await add(unit, officer(unit.unitId, `vp@${unit.code.toLowerCase()}`, 'UNIT_OFFICER'), own.typeCode, own.name(unit.name), '2021-09-01');
  }
  log(`demo models: ${outcome.models} models registered, ${outcome.replicas} replicas`);

  for (const model of planned) {
    const by = officer(model.host.unitId, `ca@${model.host.code.toLowerCase()}`, 'UNIT_OFFICER');
    const site = await services.sites.addSite(by, { modelId: model.id, unitId: model.host.unitId, name: `Điểm ${model.host.name}`, openedOn: '2023-04-01' });
    await services.sites.addTeam(by, { modelId: model.id, siteId: site.id, name: `Tổ ${model.host.name}`, memberCount: 6 + (model.draw % 15), formedOn: '2023-04-01' });
  }

  today = '2024-12-01';
  for (const model of planned.filter((entry) => entry.draw >= 150)) {
    await services.trainings.recordTraining(officer(model.host.unitId, `ca@${model.host.code.toLowerCase()}`, 'UNIT_OFFICER'), {
      modelId: model.id,
      heldOn: `2024-0${3 + (model.draw % 6)}-1${model.draw % 10}`,
      content: 'Tập huấn kỹ năng phát hiện, tố giác tội phạm, hoà giải mâu thuẫn ở cơ sở',
      trainer: 'Công an huyện',
      participants: 6 + (model.draw % 15),
    });
  }
  log('demo models: sites, teams and 2024 trainings recorded');

  const reviewerOf = new Map<string, ReturnType<typeof officer>>();
  for (const model of planned) {
    const district = await districtOf(model.host);
    const managedByProvince = (model.host.managingUnitId ?? model.host.parentId) === province;
    const reviewer = district && !managedByProvince ? officer(district.unitId, `bcd138@${district.code.toLowerCase()}`) : police;
    reviewerOf.set(model.id, reviewer);
    const rating: ModelRating = model.draw < 80 ? 'INEFFECTIVE' : model.draw < 200 ? 'LESS_EFFECTIVE' : 'EFFECTIVE';
    if (rating === 'INEFFECTIVE' && model.draw < 40) {
      today = '2023-11-25';
      await services.reviews.reviewModel(reviewer, { modelId: model.id, year: 2023, rating: 'INEFFECTIVE', reviewedOn: '2023-11-20', criteriaMet: [], evidence: ['Biên bản kiểm tra năm 2023'], reason: 'Không duy trì hoạt động' });
      outcome.reviews += 1;
    }
    today = '2024-12-01';
    await services.reviews.reviewModel(reviewer, {
      modelId: model.id,
      year: 2024,
      rating,
      reviewedOn: '2024-11-20',
      criteriaMet: rating === 'EFFECTIVE' ? ['REGULAR_ACTIVITY', 'MEMBERS_TRAINED', 'SECURITY_RESULTS', 'PEOPLE_PARTICIPATION'] : rating === 'LESS_EFFECTIVE' ? ['REGULAR_ACTIVITY'] : [],
      evidence: ['Biên bản đánh giá hiệu quả mô hình năm 2024'],
      reason: rating === 'EFFECTIVE' ? 'Hoạt động thường xuyên, góp phần giảm vi phạm' : rating === 'LESS_EFFECTIVE' ? 'Hoạt động chưa đều' : 'Không duy trì hoạt động',
    });
    outcome.reviews += 1;
    if (rating === 'INEFFECTIVE') outcome.ineffective += 1;
  }
  today = '2024-12-15';
  for (const model of planned.filter((entry) => entry.draw < 20)) {
    await services.models.dissolveModel(reviewerOf.get(model.id) ?? police, {
      modelId: model.id,
      dissolvedOn: '2024-12-10',
      reason: 'Hai năm liền không hiệu quả',
      decisionNumber: `${100 + (model.draw % 100)}/QĐ-UBND`,
      decisionDate: '2024-12-05',
    });
    outcome.dissolved += 1;
  }
  for (const district of districts) {
    const by = officer(district.unitId, `bcd138@${district.code.toLowerCase()}`);
    const candidates = planned.filter((model) => model.draw >= 900 && reviewerOf.get(model.id)?.caller.jurisdictionUnitId === district.unitId).slice(0, 2);
    for (const model of candidates) {
      await services.examples.recognise(by, {
        kind: 'COLLECTIVE',
        name: `Tổ ${model.host.name}`,
        unitId: model.host.unitId,
        modelId: model.id,
        achievement: 'Phát hiện, cung cấp nhiều nguồn tin có giá trị, góp phần giữ vững an ninh, trật tự trên địa bàn năm 2024',
        recognisedOn: '2024-08-19',
      });
      outcome.examples += 1;
    }
  }
  log(
    `demo models: ${outcome.reviews} reviews (${outcome.ineffective} ineffective in 2024), ${outcome.dissolved} dissolved by decision, ${outcome.examples} advanced examples`,
  );
  return outcome;
}
