import { type UnitKind } from '@antt/contracts';
import { campaignErrors } from './campaign.errors';
import { type CampaignStatus, type DeadlineSpec, type TargetComparator, type TargetSpec } from './campaign.types';

/** The two-level reform: rules naming the district level hold only before this date. */
export const DISTRICT_LEVEL_ENDS = '2025-07-01';

/** A campaign's life: DRAFT → LAUNCHED → CLOSED, nothing else. */
const NEXT: Record<CampaignStatus, CampaignStatus | null> = { DRAFT: 'LAUNCHED', LAUNCHED: 'CLOSED', CLOSED: null };

export function assertTransition(campaignId: string, from: CampaignStatus, to: CampaignStatus): void {
  if (NEXT[from] !== to) throw campaignErrors.invalidTransition(campaignId, from, to);
}

/** A period is one movement-year at most, and ends on or after it starts. */
export function assertPeriod(start: string, end: string): void {
  const days = (Date.parse(end) - Date.parse(start)) / 86_400_000;
  if (days < 0 || days > 365) throw campaignErrors.invalidPeriod(start, end);
}

const LOCAL_UNITS: UnitKind[] = ['COMMUNE', 'AGENCY', 'ENTERPRISE', 'SCHOOL', 'DEPARTMENT'];
const INSTITUTIONS: UnitKind[] = ['AGENCY', 'ENTERPRISE', 'SCHOOL', 'DEPARTMENT'];

/** Vietnamese names of the calendar's deadlines (R29), by code. */
export const DEADLINE_LABELS: Record<string, string> = {
  REGISTRATION: 'Gửi đăng ký phấn đấu về Cơ quan thường trực Ban Chỉ đạo 138',
  Q1_RESOLUTION: 'Nghị quyết, kế hoạch và đăng ký trong quý I',
  FESTIVAL_DAY: 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc',
  EVALUATION_WINDOW_RESIDENTIAL: 'Khép sổ đánh giá khu dân cư',
  EVALUATION_WINDOW_UNITS: 'Khép sổ đánh giá xã, cơ quan, doanh nghiệp, nhà trường',
  CLASSIFICATION_RESIDENTIAL: 'Phân loại phong trào khu dân cư',
  CLASSIFICATION_UNITS: 'Phân loại phong trào xã, cơ quan, doanh nghiệp, nhà trường',
  CLASSIFICATION_DISTRICT: 'Phân loại phong trào cấp huyện',
  STATISTICAL_REPORT: 'Báo cáo thống kê năm',
};

/** Vietnamese names of the default targets, by code. */
export const TARGET_LABELS: Record<string, string> = {
  REGISTRATION: '100% đơn vị đăng ký phấn đấu trước 15/01',
  SAFE_STANDARD_RESIDENTIAL: 'Trên 80% khu dân cư, xã, phường, thị trấn đạt tiêu chuẩn "An toàn về ANTT"',
  SAFE_STANDARD_INSTITUTIONS: 'Trên 80% cơ quan, doanh nghiệp, nhà trường đạt tiêu chuẩn "An toàn về ANTT"',
  EXCELLENT: '5% đơn vị xếp loại Xuất sắc (chỉ tiêu, không phải giới hạn)',
  GOOD: '50% đơn vị xếp loại Khá trở lên (chỉ tiêu, không phải giới hạn)',
  NEW_RURAL_SECURITY: '80% xã đạt tiêu chí an ninh trật tự nông thôn mới',
};

/**
 * The calendar of R29 for the movement-year starting on `periodStart`, as editable data: the district classification step
 * is left out once the district level is gone (01/07/2025).
 */
export function defaultCalendar(periodStart: string): DeadlineSpec[] {
  const year = periodStart.slice(0, 4);
  const on = (dayMonth: string) => `${year}-${dayMonth}`;
  const deadlines: DeadlineSpec[] = [
    { code: 'REGISTRATION', dueOn: on('01-15'), unitKinds: [] },
    { code: 'Q1_RESOLUTION', dueOn: on('03-31'), unitKinds: [] },
    { code: 'FESTIVAL_DAY', dueOn: on('08-19'), unitKinds: [] },
    { code: 'EVALUATION_WINDOW_RESIDENTIAL', dueOn: on('10-31'), unitKinds: ['RESIDENTIAL_AREA'] },
    { code: 'EVALUATION_WINDOW_UNITS', dueOn: on('11-15'), unitKinds: LOCAL_UNITS },
    { code: 'CLASSIFICATION_RESIDENTIAL', dueOn: on('11-20'), unitKinds: ['RESIDENTIAL_AREA'] },
    { code: 'CLASSIFICATION_UNITS', dueOn: on('11-30'), unitKinds: LOCAL_UNITS },
    { code: 'CLASSIFICATION_DISTRICT', dueOn: on('12-15'), unitKinds: ['DISTRICT'] },
    { code: 'STATISTICAL_REPORT', dueOn: on('12-15'), unitKinds: [] },
  ];
  return periodStart < DISTRICT_LEVEL_ENDS ? deadlines : deadlines.filter((d) => d.code !== 'CLASSIFICATION_DISTRICT');
}

/** The targets of the plan (R15–R18) for a top campaign, judged at the levels that exist in its year. */
export function defaultTargets(periodStart: string): TargetSpec[] {
  const levels: UnitKind[] = periodStart < DISTRICT_LEVEL_ENDS ? ['PROVINCE', 'DISTRICT', 'COMMUNE'] : ['PROVINCE', 'COMMUNE'];
  const upper = levels.filter((level) => level !== 'COMMUNE');
  return [
    { code: 'REGISTRATION', indicator: 'REGISTRATION_RATE', unitKinds: ['RESIDENTIAL_AREA', ...LOCAL_UNITS], levels, comparator: 'GTE', threshold: 100 },
    { code: 'SAFE_STANDARD_RESIDENTIAL', indicator: 'SAFE_STANDARD_RATE', unitKinds: ['RESIDENTIAL_AREA', 'COMMUNE'], levels, comparator: 'GT', threshold: 80 },
    { code: 'SAFE_STANDARD_INSTITUTIONS', indicator: 'SAFE_STANDARD_RATE', unitKinds: INSTITUTIONS, levels, comparator: 'GT', threshold: 80 },
    { code: 'EXCELLENT', indicator: 'EXCELLENT_RATE', unitKinds: ['RESIDENTIAL_AREA', ...LOCAL_UNITS], levels, comparator: 'GTE', threshold: 5 },
    { code: 'GOOD', indicator: 'GOOD_RATE', unitKinds: ['RESIDENTIAL_AREA', ...LOCAL_UNITS], levels, comparator: 'GTE', threshold: 50 },
    { code: 'NEW_RURAL_SECURITY', indicator: 'NEW_RURAL_SECURITY_RATE', unitKinds: ['COMMUNE'], levels: upper, comparator: 'GTE', threshold: 80 },
  ];
}

/** A child campaign may bring a deadline forward, never push it back. */
export function assertStricterDeadline(campaignId: string, code: string, dueOn: string, parentDueOn: string | undefined): void {
  if (parentDueOn !== undefined && dueOn > parentDueOn) throw campaignErrors.notStricter(campaignId, code, 'dueOn', parentDueOn);
}

const STRICTNESS: Record<TargetComparator, number> = { GTE: 0, GT: 1 };

/** A child campaign may raise a target (a higher threshold, or "more than" where the parent says "at least"), never lower it. */
export function assertStricterTarget(campaignId: string, target: TargetSpec, parent: TargetSpec | undefined): void {
  if (!parent) return;
  if (target.indicator !== parent.indicator) throw campaignErrors.notStricter(campaignId, target.code, 'indicator', parent.indicator);
  const looser =
    target.threshold < parent.threshold ||
    (target.threshold === parent.threshold && STRICTNESS[target.comparator] < STRICTNESS[parent.comparator]);
  if (looser) throw campaignErrors.notStricter(campaignId, target.code, 'threshold', `${parent.comparator} ${parent.threshold}`);
}

/** The deadline that binds a unit kind: one naming the kind wins over one for every kind. */
export function deadlineFor<T extends DeadlineSpec>(deadlines: readonly T[], code: string, kind: string): T | undefined {
  const named = deadlines.filter((d) => d.code === code);
  return named.find((d) => d.unitKinds.includes(kind as UnitKind)) ?? named.find((d) => d.unitKinds.length === 0);
}
