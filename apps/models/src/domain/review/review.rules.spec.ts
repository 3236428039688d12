import { SEEDED_WINDOW_RULES, WindowCalendar } from '../window/window.rules.fixtures';
import { ineffectiveStreakReached } from './review.rules';

const calendar = new WindowCalendar(SEEDED_WINDOW_RULES);
const evaluationWindow = (kind: string, year: number) => {
  const { start, end } = calendar.windowOf(kind, year);
  return { start, end };
};

describe('review rules', () => {
  it('takes the window of the host kind (Circular 124, the seeded window rules)', () => {
    expect(evaluationWindow('RESIDENTIAL_AREA', 2024)).toEqual({ start: '2023-11-01', end: '2024-10-31' });
    expect(evaluationWindow('COMMUNE', 2024)).toEqual({ start: '2023-11-16', end: '2024-11-15' });
    expect(evaluationWindow('SCHOOL', 2025)).toEqual({ start: '2024-11-16', end: '2025-11-15' });
  });

  it('proposes dissolution only after the configured number of INEFFECTIVE ratings in consecutive windows', () => {
    expect(ineffectiveStreakReached([{ year: 2023, rating: 'INEFFECTIVE' }], 2)).toBe(false);
    expect(ineffectiveStreakReached([{ year: 2024, rating: 'INEFFECTIVE' }, { year: 2023, rating: 'INEFFECTIVE' }], 2)).toBe(true);
    expect(ineffectiveStreakReached([{ year: 2024, rating: 'INEFFECTIVE' }, { year: 2022, rating: 'INEFFECTIVE' }], 2)).toBe(false);
    expect(ineffectiveStreakReached([{ year: 2024, rating: 'LESS_EFFECTIVE' }, { year: 2023, rating: 'INEFFECTIVE' }], 2)).toBe(false);
    expect(ineffectiveStreakReached([{ year: 2024, rating: 'INEFFECTIVE' }, { year: 2023, rating: 'INEFFECTIVE' }], 3)).toBe(false);
    expect(ineffectiveStreakReached([{ year: 2024, rating: 'INEFFECTIVE' }], 1)).toBe(true);
  });
});
