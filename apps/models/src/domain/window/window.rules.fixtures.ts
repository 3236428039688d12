import { type WindowRuleView } from './window.types';

export { WindowCalendar } from './window.rules';

/** The two rules the migration `evaluation_window_rules` seeds (R4 as the code had it), for unit specs. */
export const SEEDED_WINDOW_RULES: readonly WindowRuleView[] = [
  {
    id: '5e1d0a4c-7b2f-4c3e-9d10-000000000001',
    provinceId: null,
    unitKinds: ['RESIDENTIAL_AREA'],
    startMonth: 11,
    startDay: 1,
    startYearOffset: -1,
    endMonth: 10,
    endDay: 31,
    validFromYear: 1900,
    validToYear: null,
    reason: 'Thông tư 124/2021/TT-BCA: khu dân cư từ 01/11 năm trước đến 31/10',
    createdBy: 'migration',
    createdByUnitId: null,
    createdAt: '2026-11-30T00:00:00.000Z',
  },
  {
    id: '5e1d0a4c-7b2f-4c3e-9d10-000000000002',
    provinceId: null,
    unitKinds: [],
    startMonth: 11,
    startDay: 16,
    startYearOffset: -1,
    endMonth: 11,
    endDay: 15,
    validFromYear: 1900,
    validToYear: null,
    reason: 'Thông tư 124/2021/TT-BCA: xã, cơ quan, doanh nghiệp, nhà trường từ 16/11 năm trước đến 15/11',
    createdBy: 'migration',
    createdByUnitId: null,
    createdAt: '2026-11-30T00:00:00.000Z',
  },
];

/** A rule moving residential areas to the 16/11–15/11 window (national from 2026 unless `overrides` say otherwise), for unit specs. */
export function villageRule(overrides: Partial<WindowRuleView> = {}): WindowRuleView {
  return {
    id: 'new',
    provinceId: null,
    unitKinds: ['RESIDENTIAL_AREA'],
    startMonth: 11,
    startDay: 16,
    startYearOffset: -1,
    endMonth: 11,
    endDay: 15,
    validFromYear: 2026,
    validToYear: null,
    reason: '',
    createdBy: '',
    createdByUnitId: null,
    createdAt: '',
    ...overrides,
  };
}
