import { SEEDED_WINDOW_RULES, villageRule } from './window.rules.fixtures';
import { WindowCalendar } from './window.rules';
import { type ProvinceLookup, unitWindow } from './unit-window';

const THAI_BINH = 'thai-binh';
const HUNG_YEN = 'hung-yen';

/** A village of Thái Bình that lies in Hưng Yên from 01/07/2025 (the 2025 reform), and one formed in Hưng Yên on that day. */
const directory: ProvinceLookup & { asked: string[] } = {
  asked: [],
  async ancestorOfKind(unitId, _kinds, asOf) {
    this.asked.push(`${unitId}@${asOf}`);
    if (unitId === 'moved') return { unitId: asOf < '2025-07-01' ? THAI_BINH : HUNG_YEN };
    if (unitId === 'formed') return asOf < '2025-07-01' ? null : { unitId: HUNG_YEN };
    return null;
  },
};

const rule = (id: string, provinceId: string, validFromYear: number) => villageRule({ id, provinceId, validFromYear });

describe("a unit's window", () => {
  // Thái Bình's residential areas use 16/11–15/11 from 2024, Hưng Yên's from 2026.
  const calendar = new WindowCalendar([...SEEDED_WINDOW_RULES, rule('tb', THAI_BINH, 2024), rule('hy', HUNG_YEN, 2026)]);
  const village = (unitId: string) => ({ unitId, kind: 'RESIDENTIAL_AREA' });

  it("is read in the calendar of the province the unit lay in on the national window's end", async () => {
    // 2024 ends on 31/10/2024 nationally: Thái Bình's rule.
    expect(await unitWindow(directory, calendar, village('moved'), 2024)).toMatchObject({ unitId: 'moved', provinceId: THAI_BINH, start: '2023-11-16', end: '2024-11-15', rule: { id: 'tb' } });
    // 2025 ends on 31/10/2025, after the reform: Hưng Yên, which has no rule for 2025: the national one.
    expect(await unitWindow(directory, calendar, village('moved'), 2025)).toMatchObject({ provinceId: HUNG_YEN, start: '2024-11-01', end: '2025-10-31', rule: { id: SEEDED_WINDOW_RULES[0]?.id } });
    expect(await unitWindow(directory, calendar, village('moved'), 2026)).toMatchObject({ provinceId: HUNG_YEN, rule: { id: 'hy' } });
    expect(directory.asked).toContain('moved@2024-10-31');
  });

  it('falls back to the date given when the unit did not exist on that day, and to the national rules without a province', async () => {
    // 2024 ended before the unit was formed: the province on the review date (Hưng Yên), whose rule starts in 2026.
    expect(await unitWindow(directory, calendar, village('formed'), 2024, '2025-08-01')).toMatchObject({ provinceId: HUNG_YEN, rule: { id: SEEDED_WINDOW_RULES[0]?.id } });
    expect(await unitWindow(directory, calendar, village('nowhere'), 2024, '2025-08-01')).toMatchObject({ provinceId: null, rule: { id: SEEDED_WINDOW_RULES[0]?.id } });
  });
});
