import { createHash } from 'node:crypto';
import { type UnitFacts } from '../domain/facts';
import { type NomineeInput } from '../domain/nominee';
import { type Condition, type ConditionInput, type SetSchemeInput, evaluate } from '../domain/scheme';

/**
 * The demo season's pure parts: the scheme as data, the choice of nominees among the units the facts make eligible (and a few
 * they do not), the fact-store catch-up check. No database here: `load-demo.ts` runs the plan through the domain's commands.
 */

export const FLAG = 'EMULATION_FLAG';
export const MERIT = 'CERTIFICATE_OF_MERIT';
export const DIRECTOR = 'CERTIFICATE_POLICE_DIRECTOR';
export const DISTRICT_CERTIFICATE = 'CERTIFICATE_DISTRICT_CHAIRMAN';
export type DemoForm = typeof FLAG | typeof MERIT | typeof DIRECTOR | typeof DISTRICT_CERTIFICATE;

/** The plan's quotas (R24): 2 emulation flags, at most 15 certificates of merit of the provincial chairman, the others none. */
export const DEMO_QUOTAS: Readonly<Record<DemoForm, number | null>> = { [FLAG]: 2, [MERIT]: 15, [DIRECTOR]: null, [DISTRICT_CERTIFICATE]: null };

/** The legal ground each form is nominated on (R21; one of the catalogue's grounds of the 2024 rows). */
export const LEGAL_GROUNDS: Readonly<Record<DemoForm, string>> = {
  [FLAG]: 'LTDKT2022-D27',
  [MERIT]: 'LTDKT2022-D76',
  [DIRECTOR]: 'LTDKT2022-D75',
  [DISTRICT_CERTIFICATE]: 'LTDKT2022-D75',
};

const SAFE: ConditionInput = { name: 'đơn vị đạt chuẩn "An toàn về an ninh, trật tự" năm 2024', fact: 'SAFE_STANDARD', op: 'EQ', value: 'true' };
const GOOD: ConditionInput = { name: 'phong trào của đơn vị được xếp loại Khá trở lên', fact: 'CLASSIFICATION_RANK', op: 'GTE', value: '3' };
const REGISTERED: ConditionInput = { name: 'đơn vị đã đăng ký thi đua trong phong trào năm 2024', fact: 'REGISTERED', op: 'EQ', value: 'true' };
const EXCELLENT: ConditionInput = { name: 'phong trào của đơn vị được xếp loại Xuất sắc', fact: 'CLASSIFICATION_RANK', op: 'GTE', value: '4' };
const ROLE: ConditionInput = {
  name: 'cá nhân là người đứng đầu, cán bộ hoặc thành viên tổ bảo vệ ANTT ở cơ sở',
  fact: 'NOMINEE_ROLE',
  op: 'IN',
  value: '["UNIT_LEADER","TEAM_MEMBER","OFFICER"]',
};
const SERVICE: ConditionInput = { name: 'thành viên tổ hoạt động liên tục từ 9 tháng trở lên', fact: 'MONTHS_OF_SERVICE', op: 'GTE', value: '9', roles: ['TEAM_MEMBER'] };
const NO_COMPLAINT: ConditionInput = { name: 'không có khiếu nại, tố cáo đang giải quyết', fact: 'NO_PENDING_COMPLAINT', op: 'EQ', value: 'true' };
/** R23: a leader qualifies only if the unit reached the safe standard, was classified Good or better and registered. */
const LEADER = [SAFE, GOOD, REGISTERED].map((condition) => ({ ...condition, name: `người đứng đầu: ${condition.name}`, roles: ['UNIT_LEADER'] }));

/**
 * The award scheme of Thái Bình's 2024 provincial campaign (Plan IV): the forms in force on 31/12/2024 (Decree 98/2023), the
 * quotas of R24 and the eligibility rules of R23 as data over the fact store: a collective of the plan (and a leader's unit)
 * reached the safe standard, was classified Good or better and registered in the campaign — communes and their units register
 * in their district's child campaign, which `REGISTERED` reads as the provincial campaign's family. The district chairman's
 * certificate keeps its own looser rule (the deciding authority's, R24: "others per the deciding authority").
 */
export function demoScheme(campaignId: string): SetSchemeInput {
  return {
    campaignId,
    forms: [
      { formCode: FLAG, quota: DEMO_QUOTAS[FLAG], collectiveConditions: [SAFE, EXCELLENT, REGISTERED] },
      { formCode: MERIT, quota: DEMO_QUOTAS[MERIT], collectiveConditions: [SAFE, GOOD, REGISTERED], individualConditions: [...LEADER, ROLE, SERVICE, NO_COMPLAINT], householdConditions: [SAFE] },
      { formCode: DIRECTOR, quota: DEMO_QUOTAS[DIRECTOR], collectiveConditions: [SAFE, GOOD, REGISTERED], individualConditions: [ROLE, SERVICE, NO_COMPLAINT] },
      { formCode: DISTRICT_CERTIFICATE, quota: DEMO_QUOTAS[DISTRICT_CERTIFICATE], collectiveConditions: [GOOD], individualConditions: [ROLE, NO_COMPLAINT], householdConditions: [SAFE] },
    ],
  };
}

/** A stable pseudo-random number 0..999 per code and purpose: the same units are chosen on every machine. */
export function draw(code: string, salt: string): number {
  return createHash('sha256').update(`${salt}:${code}`).digest().readUInt16BE(0) % 1000;
}

/** A unit the season may nominate, with its place in the 2024 tree and its facts in the campaign. */
export interface Candidate {
  unitId: string;
  code: string;
  name: string;
  kind: string;
  /** The commune of a residential area (itself for a commune), else null. */
  communeId: string | null;
  /** The district above (null for the province's own units). */
  districtId: string | null;
  facts: UnitFacts;
}

export type Level = 'COMMUNE' | 'DISTRICT' | 'PROVINCE';

export interface PlannedNomination {
  /** A short label for the progress lines. */
  label: string;
  formCode: DemoForm;
  recipientKind: 'COLLECTIVE' | 'INDIVIDUAL' | 'HOUSEHOLD';
  unitId: string;
  /** Who nominates: a commune's or district's steering committee (LEVEL_OFFICER) or the provincial police (STEERING_OFFICER). */
  level: Level;
  nominatingUnitId: string;
  nominee: NomineeInput | null;
  achievement: string;
  /** Individuals: the start of the person's service in a grassroots security team (a SERVICE person fact). */
  serviceFrom: string | null;
  /** A complaint against the person lodged after appraisal, still pending at the decision (a COMPLAINT person fact). */
  complaintFrom: string | null;
  /** Returned once by the provincial police with a reason, completed and submitted again. */
  returned: boolean;
  /** What the plan expects the facts to say (the domain decides; the spec and the logs compare). */
  expectEligible: boolean;
}

/** The collective rule of each form, as the domain stored it (the scheme's latest version). */
export type CollectiveRules = Readonly<Record<DemoForm, readonly Condition[]>>;

const SURNAMES = ['Nguyễn', 'Trần', 'Phạm', 'Vũ', 'Đỗ', 'Bùi', 'Hoàng', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Quang'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hoa', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phương', 'Sơn', 'Thảo', 'Tuấn'];

/** A synthetic person, stable per code and purpose (a fictitious 12-digit ID beginning with Thái Bình's 034). */
export function demoPerson(code: string, salt: string, role: 'UNIT_LEADER' | 'TEAM_MEMBER', position: string): NomineeInput {
  const roll = draw(code, salt);
  const birthYear = role === 'UNIT_LEADER' ? 1965 + (roll % 15) : 1970 + (roll % 30);
  const serial = String(100_000 + ((roll * 7919 + draw(code, `${salt}:id`)) % 900_000)).padStart(6, '0');
  return {
    fullName: `${SURNAMES[roll % SURNAMES.length]} ${MIDDLE[(roll >> 3) % MIDDLE.length]} ${GIVEN[(roll >> 1) % GIVEN.length]}`,
    birthYear,
    role,
    position,
    citizenId: `034${birthYear >= 2000 ? 2 : 0}${String(birthYear % 100).padStart(2, '0')}${serial}`,
  };
}

const byDraw = (salt: string) => (a: Candidate, b: Candidate) => draw(a.code, salt) - draw(b.code, salt) || (a.code < b.code ? -1 : 1);
const passes = (rules: readonly Condition[], candidate: Candidate) => evaluate(rules, candidate.facts).eligible;

/**
 * Chooses the season's nominations over the candidates' facts, deterministically:
 * - the province nominates 2 collectives for the emulation flags among the communes the flag rule admits, and 1 it refuses;
 * - for the provincial chairman's certificate of merit (quota 15) the districts nominate 13 eligible communes in turns, the
 *   province 2 of its own eligible units, a district 1 eligible commune's chairman (16 eligible: one more than the quota), and
 *   the districts 2 communes the rule refuses (the classification, the safe standard) and the chairman of a refused commune;
 *   2 of the districts' nominations are returned once;
 * - for the provincial police director's certificate (no quota) communes nominate 4 eligible residential areas, 1 refused, and
 *   3 team members (9+ months of service; one whose complaint is lodged after appraisal; one under 9 months);
 * - for the district chairman's certificate (no quota) districts nominate 1 eligible residential area each (at most 4) and a
 *   commune 1 household.
 * A subject is nominated once in the season (R19). Fewer candidates than wanted: the plan takes what the facts offer.
 */
export function planSeason(candidates: readonly Candidate[], rules: CollectiveRules, provinceId: string): PlannedNomination[] {
  const used = new Set<string>();
  const plan: PlannedNomination[] = [];
  const take = (pool: readonly Candidate[], count: number, accept: (candidate: Candidate) => boolean) => {
    const chosen: Candidate[] = [];
    for (const candidate of pool) {
      if (chosen.length >= count) break;
      if (used.has(candidate.unitId) || !accept(candidate)) continue;
      used.add(candidate.unitId);
      chosen.push(candidate);
    }
    return chosen;
  };
  const add = (candidate: Candidate, formCode: DemoForm, level: Level, nominatingUnitId: string, achievement: string, extra: Partial<PlannedNomination> = {}) =>
    plan.push({
      label: `${formCode} ${candidate.code}`,
      formCode,
      recipientKind: 'COLLECTIVE',
      unitId: candidate.unitId,
      level,
      nominatingUnitId,
      nominee: null,
      achievement,
      serviceFrom: null,
      complaintFrom: null,
      returned: false,
      expectEligible: passes(rules[formCode], candidate),
      ...extra,
    });
  const communes = candidates.filter((c) => c.kind === 'COMMUNE' && c.districtId !== null);
  const areas = candidates.filter((c) => c.kind === 'RESIDENTIAL_AREA' && c.communeId !== null && c.districtId !== null);
  const provincial = candidates.filter((c) => c.districtId === null && ['AGENCY', 'DEPARTMENT', 'ENTERPRISE', 'SCHOOL'].includes(c.kind));
  const districts = [...new Set(communes.map((c) => c.districtId as string))].sort();

  // Emulation flags: the province's proposal.
  const flagPool = [...communes].sort(byDraw('flag'));
  for (const c of take(flagPool, 2, (c) => passes(rules[FLAG], c))) add(c, FLAG, 'PROVINCE', provinceId, 'Dẫn đầu phong trào thi đua toàn dân bảo vệ an ninh Tổ quốc toàn tỉnh năm 2024');
  for (const c of take(flagPool, 1, (c) => !passes(rules[FLAG], c) && c.facts.CLASSIFICATION_RANK >= 3)) add(c, FLAG, 'PROVINCE', provinceId, 'Có nhiều mô hình tự quản về an ninh, trật tự hiệu quả năm 2024');

  // Certificates of merit: the districts' communes in turns, then the province's own units.
  const meritPool = new Map(districts.map((d) => [d, communes.filter((c) => c.districtId === d).sort(byDraw('merit'))]));
  const meritAchievement = 'Có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2024';
  let fromDistricts = 0;
  for (let round = 0; fromDistricts < 13 && round < 50; round += 1) {
    let added = false;
    for (const district of districts) {
      if (fromDistricts >= 13) break;
      const [c] = take(meritPool.get(district) ?? [], 1, (c) => passes(rules[MERIT], c));
      if (!c) continue;
      add(c, MERIT, 'DISTRICT', district, meritAchievement, { returned: fromDistricts === 1 || fromDistricts === 4 });
      fromDistricts += 1;
      added = true;
    }
    if (!added) break;
  }
  for (const c of take([...provincial].sort(byDraw('merit')), 2, (c) => passes(rules[MERIT], c))) add(c, MERIT, 'PROVINCE', provinceId, meritAchievement);
  const leaderPool = [...communes].sort(byDraw('leader'));
  const leaderOf = (c: Candidate, expectEligible: boolean) =>
    plan.push({
      label: `${MERIT} chủ tịch UBND ${c.code}`,
      formCode: MERIT,
      recipientKind: 'INDIVIDUAL',
      unitId: c.unitId,
      level: 'DISTRICT',
      nominatingUnitId: c.districtId as string,
      nominee: demoPerson(c.code, 'leader', 'UNIT_LEADER', `Chủ tịch UBND ${c.name}, Trưởng Ban Chỉ đạo phong trào`),
      achievement: 'Người đứng đầu đơn vị có thành tích xuất sắc trong lãnh đạo phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2024',
      serviceFrom: null,
      complaintFrom: null,
      returned: false,
      expectEligible,
    });
  for (const c of take(leaderPool, 1, (c) => passes(rules[MERIT], c))) leaderOf(c, true);
  const refusedOn = (fact: string) => (c: Candidate) => evaluate(rules[MERIT], c.facts).failed.some((failed) => failed.fact === fact);
  for (const fact of ['CLASSIFICATION_RANK', 'SAFE_STANDARD']) {
    for (const c of take([...communes].sort(byDraw('merit-refused')), 1, refusedOn(fact))) add(c, MERIT, 'DISTRICT', c.districtId as string, meritAchievement);
  }
  for (const c of take(leaderPool, 1, (c) => !passes(rules[MERIT], c))) leaderOf(c, false);

  // The provincial police director's certificates: residential areas and team members, proposed by their commune.
  const directorPool = [...areas].sort(byDraw('director'));
  const communesUsed = new Set<string>();
  for (let n = 0; n < 4; n += 1) {
    const [c] = take(directorPool, 1, (c) => passes(rules[DIRECTOR], c) && !communesUsed.has(c.communeId as string));
    if (!c) break;
    communesUsed.add(c.communeId as string);
    add(c, DIRECTOR, 'COMMUNE', c.communeId as string, 'Tổ dân phố, thôn có phong trào toàn dân bảo vệ an ninh Tổ quốc tiêu biểu năm 2024');
  }
  const refusedArea = take(directorPool, 1, (c) => !passes(rules[DIRECTOR], c) && c.facts.recognition === 'REVOKED')[0] ?? take(directorPool, 1, (c) => !passes(rules[DIRECTOR], c))[0];
  if (refusedArea) add(refusedArea, DIRECTOR, 'COMMUNE', refusedArea.communeId as string, 'Tổ dân phố, thôn có phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2024');
  const members: Array<{ serviceFrom: string; complaintFrom: string | null; expectEligible: boolean }> = [
    { serviceFrom: '2021-05-01', complaintFrom: null, expectEligible: true },
    { serviceFrom: '2023-03-01', complaintFrom: '2025-03-01', expectEligible: false },
    { serviceFrom: '2024-09-01', complaintFrom: null, expectEligible: false },
  ];
  const memberAreas = [...areas].sort(byDraw('team')).slice(0, members.length);
  members.forEach((member, i) => {
    const area = memberAreas[i];
    if (!area) return;
    plan.push({
      label: `${DIRECTOR} tổ viên ${area.code}`,
      formCode: DIRECTOR,
      recipientKind: 'INDIVIDUAL',
      unitId: area.unitId,
      level: 'COMMUNE',
      nominatingUnitId: area.communeId as string,
      nominee: demoPerson(area.code, 'team', 'TEAM_MEMBER', `Tổ viên Tổ bảo vệ an ninh, trật tự ${area.name}`),
      achievement: 'Tích cực tham gia tuần tra, giải quyết vụ việc, góp phần giữ vững an ninh, trật tự ở cơ sở năm 2024',
      ...member,
      returned: false,
    });
  });

  // The district chairman's certificates (in force until 30/06/2025): one residential area per district, a household.
  for (const district of districts.slice(0, 4)) {
    const [c] = take(areas.filter((a) => a.districtId === district).sort(byDraw('district-certificate')), 1, (c) => passes(rules[DISTRICT_CERTIFICATE], c));
    if (c) add(c, DISTRICT_CERTIFICATE, 'DISTRICT', district, 'Hoàn thành xuất sắc chỉ tiêu phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2024');
  }
  const householdArea = [...areas].sort(byDraw('household')).find((c) => c.facts.SAFE_STANDARD);
  if (householdArea) {
    const head = demoPerson(householdArea.code, 'household', 'TEAM_MEMBER', '');
    plan.push({
      label: `${DISTRICT_CERTIFICATE} hộ gia đình ${householdArea.code}`,
      formCode: DISTRICT_CERTIFICATE,
      recipientKind: 'HOUSEHOLD',
      unitId: householdArea.unitId,
      level: 'COMMUNE',
      nominatingUnitId: householdArea.communeId as string,
      nominee: { fullName: head.fullName, address: `${householdArea.name}, tỉnh Thái Bình` },
      achievement: 'Hộ gia đình tiêu biểu thực hiện tốt phong trào, kịp thời cung cấp thông tin giúp giải quyết vụ việc năm 2024',
      serviceFrom: null,
      complaintFrom: null,
      returned: false,
      expectEligible: true,
    });
  }
  return plan;
}

/** What the fact store holds of the 2024 year and what the sources say it should (0: not waited for). */
export interface FactTotals {
  campaigns: number;
  registrations: number;
  classificationRevisions: number;
  recognitionRevisions: number;
}

/** The facts still missing (empty when the store has caught up): each expected total not yet reached, named. */
export function factsShortfall(held: FactTotals, expected: FactTotals): string[] {
  return (Object.keys(expected) as Array<keyof FactTotals>).filter((key) => held[key] < expected[key]).map((key) => `${key} ${held[key]}/${expected[key]}`);
}
