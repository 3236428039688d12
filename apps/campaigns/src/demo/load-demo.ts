import { createHash } from 'node:crypto';
import { type Identity } from '@antt/auth';
import { type Clock, type DateRange } from '@antt/service-kit';
import { type DirectoryEntry, UnitDirectory, safeStandardScope } from '@antt/unit-directory';
import { type PrismaClient } from '../generated/prisma/client';
import { type PledgeKeys, createCampaignsDomain } from '../domain/campaigns.module';
import { MAX_PLEDGE_BATCH, type PledgeRowInput } from '../domain/pledge';
import { REGISTERING_KINDS } from '../domain/registration';
import { type BulkSql } from '../infrastructure/bulk-sql';
import { syntheticPledgeRows } from '../pledges/synthetic-people';

/** What the demo loader did. */
export interface DemoOutcome {
  loaded: boolean;
  campaigns: number;
  registrations: number;
  late: number;
  missing: number;
  pledges: number;
}

const PROVINCE_CODE = 'TB';
const TREE_DATE = '2024-06-01';
const BULK = 1000;

/** A stable pseudo-random number 0..999 per unit code: the same units are late or missing on every machine. */
function draw(code: string): number {
  return createHash('sha256').update(code).digest().readUInt16BE(0) % 1000;
}

/**
 * The 2024 Thái Bình demo in campaigns, through the domain's own commands with the clock walking through January 2024: the
 * provincial police launch the provincial campaign, every district launches its child campaign (the first one with a stricter
 * registration deadline, 12/01), each district registers the units of its subtree in bulk and the province its own units.
 * About 2% of units do not register, about 3% register late (20/01). Units outside Circular 124 register for classification
 * only. Does nothing when campaigns already holds a campaign.
 */
export async function loadDemoCampaigns(prisma: PrismaClient, bulk: BulkSql, dates: DateRange, pledgeKeys: PledgeKeys, log: (line: string) => void): Promise<DemoOutcome> {
  if ((await prisma.campaign.count()) > 0) return { loaded: false, campaigns: 0, registrations: 0, late: 0, missing: 0, pledges: 0 };
  const directory = new UnitDirectory(prisma);
  const province = (await prisma.directoryUnit.findFirst({ where: { code: PROVINCE_CODE } }))?.unitId;
  if (!province) throw new Error(`The campaigns unit directory has no unit ${PROVINCE_CODE}: is the unit directory consumer running?`);
  let today = '2024-01-03';
  const clock: Clock = { today: () => today, now: () => new Date() };
  const services = createCampaignsDomain(prisma, clock, dates, 7, pledgeKeys, bulk).forRequest();
  const officer = (role: Identity['roles'][number], unitId: string, subject: string) => ({
    caller: { subject, roles: [role], jurisdictionUnitId: unitId } satisfies Identity,
    correlationId: 'demo-2024',
  });
  const police = officer('STEERING_OFFICER', province, 'pv05@cong-an-tinh-thai-binh');
  const period = { periodStart: '2024-01-01', periodEnd: '2024-12-31' };

  const top = await services.campaigns.createCampaign(police, {
    title: 'Kế hoạch phát động phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Thái Bình năm 2024',
    legalBases: ['Kế hoạch số 05/KH-BCĐ138 ngày 03/01/2024 của Ban Chỉ đạo 138 tỉnh Thái Bình', 'Thông tư số 124/2021/TT-BCA', 'Quyết định số 510/QĐ-BCA-V05'],
    ownerUnitId: province,
    ...period,
  });
  today = '2024-01-05';
  await services.campaigns.launchCampaign(police, top.id, 'Hội nghị phát động phong trào năm 2024');
  log('demo campaigns: the 2024 Thái Bình campaign launched');

  today = '2024-01-06';
  const districts = await directory.descendantsOf(province, TREE_DATE, ['DISTRICT']);
  const childOf = new Map<string, string>();
  for (const [index, district] of districts.entries()) {
    const level = officer('LEVEL_OFFICER', district.unitId, `bcd138@${district.code.toLowerCase()}`);
    const child = await services.campaigns.createCampaign(level, {
      title: `Kế hoạch phát động phong trào toàn dân bảo vệ an ninh Tổ quốc ${district.name} năm 2024`,
      legalBases: [`Kế hoạch số 05/KH-BCĐ138 của Ban Chỉ đạo 138 tỉnh Thái Bình`],
      ownerUnitId: district.unitId,
      parentCampaignId: top.id,
      ...period,
    });
    if (index === 0) await services.campaigns.setDeadline(level, { campaignId: child.id, code: 'REGISTRATION', dueOn: '2024-01-12' });
    await services.campaigns.launchCampaign(level, child.id, null);
    childOf.set(district.unitId, child.id);
  }
  log(`demo campaigns: ${districts.length} district campaigns launched`);

  today = '2024-01-25';
  const outcome: DemoOutcome = { loaded: true, campaigns: 1 + districts.length, registrations: 0, late: 0, missing: 0, pledges: 0 };
  const inDistricts = new Set<string>();
  const register = async (registrar: ReturnType<typeof officer>, campaignId: string, units: readonly DirectoryEntry[]) => {
    const chosen = units.filter((unit) => draw(unit.code) >= 20);
    outcome.missing += units.length - chosen.length;
    for (const late of [false, true]) {
      const batch = chosen.filter((unit) => (draw(unit.code) < 50) === late);
      for (let start = 0; start < batch.length; start += BULK) {
        const written = await services.registrations.registerMany(registrar, {
          campaignId,
          registeredOn: late ? '2024-01-20' : '2024-01-10',
          units: batch.slice(start, start + BULK).map((unit) => ({
            unitId: unit.unitId,
            forSafeStandard: safeStandardScope(unit.kind, unit.attributes).applies,
            forClassification: true,
          })),
        });
        outcome.registrations += written.length;
        outcome.late += written.filter((registration) => registration.late).length;
      }
    }
  };
  for (const district of districts) {
    const units = await directory.descendantsOf(district.unitId, TREE_DATE, REGISTERING_KINDS);
    for (const unit of units) inDistricts.add(unit.unitId);
    await register(officer('LEVEL_OFFICER', district.unitId, `bcd138@${district.code.toLowerCase()}`), childOf.get(district.unitId) as string, units);
  }
  const provinceUnits = (await directory.descendantsOf(province, TREE_DATE, REGISTERING_KINDS)).filter((unit) => !inDistricts.has(unit.unitId));
  await register(police, top.id, provinceUnits);
  log(`demo campaigns: ${outcome.registrations} registrations (${outcome.late} late), ${outcome.missing} units missing`);

  // Pledges for a sample of units (about 2% of residential areas, households and a few residents; about 2% of schools,
  // agencies and enterprises, staff and pupils), 85–100% of their org-units counts, through the bulk import batches.
  today = '2024-03-31';
  const sample = (await directory.descendantsOf(province, TREE_DATE, ['RESIDENTIAL_AREA', 'SCHOOL', 'AGENCY', 'ENTERPRISE'])).filter((unit) => draw(`pledge|${unit.code}`) < 20);
  const rows: PledgeRowInput[] = [];
  for (const [ordinal, unit] of sample.entries()) {
    const share = 850 + (draw(`share|${unit.code}`) % 151);
    const idBase = ordinal * 10_000;
    const signedOn = '2024-03-15';
    if (unit.kind === 'RESIDENTIAL_AREA') {
      const households = Math.min(600, unit.attributes.residentHouseholds ?? 150);
      rows.push(...syntheticPledgeRows(unit.code, 'HOUSEHOLD', Math.round((households * share) / 1000), { signedOn, idBase }));
      rows.push(...syntheticPledgeRows(unit.code, 'RESIDENT', 10, { signedOn, idBase: idBase + 5_000 }));
    } else {
      const staff = Math.min(1500, unit.attributes.staffCount ?? 50);
      const pupils = unit.kind === 'SCHOOL' ? Math.round(staff * 0.9) : 0;
      rows.push(...syntheticPledgeRows(unit.code, 'STAFF', Math.round(((staff - pupils) * share) / 1000), { signedOn, idBase }));
      if (pupils > 0) rows.push(...syntheticPledgeRows(unit.code, 'PUPIL', Math.round((pupils * share) / 1000), { signedOn, idBase: idBase + 5_000 }));
    }
  }
  const collector = officer('STEERING_OFFICER', province, 'pv05@cong-an-tinh-thai-binh');
  for (let start = 0; start < rows.length; start += MAX_PLEDGE_BATCH) {
    const report = await services.pledges.importBatch(collector, { campaignId: top.id, columns: null, rows: rows.slice(start, start + MAX_PLEDGE_BATCH), partial: true });
    outcome.pledges += report.imported;
  }
  log(`demo campaigns: ${outcome.pledges} pledges in ${sample.length} units`);
  return outcome;
}
