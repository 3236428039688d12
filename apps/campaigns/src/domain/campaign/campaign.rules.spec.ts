import { DomainError } from '@antt/service-kit';
import { assertPeriod, assertStricterDeadline, assertStricterTarget, assertTransition, deadlineFor, defaultCalendar, defaultTargets } from './campaign.rules';
import { type TargetSpec } from './campaign.types';

const reasonOf = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.reason : 'not a DomainError';
  }
  return 'accepted';
};

describe('campaign rules', () => {
  it('moves DRAFT → LAUNCHED → CLOSED only', () => {
    expect(reasonOf(() => assertTransition('c', 'DRAFT', 'LAUNCHED'))).toBe('accepted');
    expect(reasonOf(() => assertTransition('c', 'LAUNCHED', 'CLOSED'))).toBe('accepted');
    expect(reasonOf(() => assertTransition('c', 'DRAFT', 'CLOSED'))).toBe('CAMPAIGN_INVALID_TRANSITION');
    expect(reasonOf(() => assertTransition('c', 'CLOSED', 'LAUNCHED'))).toBe('CAMPAIGN_INVALID_TRANSITION');
  });

  it('takes a period of one year at most, ending on or after its start', () => {
    expect(reasonOf(() => assertPeriod('2024-01-01', '2024-12-31'))).toBe('accepted');
    expect(reasonOf(() => assertPeriod('2024-01-02', '2024-01-01'))).toBe('CAMPAIGN_INVALID_PERIOD');
    expect(reasonOf(() => assertPeriod('2024-01-01', '2025-01-02'))).toBe('CAMPAIGN_INVALID_PERIOD');
  });

  it('seeds the R29 calendar, with the district step only before the 2025 reform', () => {
    expect(deadlineFor(defaultCalendar('2024-01-01'), 'REGISTRATION', 'SCHOOL')?.dueOn).toBe('2024-01-15');
    expect(deadlineFor(defaultCalendar('2024-01-01'), 'CLASSIFICATION_RESIDENTIAL', 'RESIDENTIAL_AREA')?.dueOn).toBe('2024-11-20');
    expect(deadlineFor(defaultCalendar('2024-01-01'), 'CLASSIFICATION_RESIDENTIAL', 'SCHOOL')).toBeUndefined();
    expect(defaultCalendar('2024-01-01').map((d) => d.code)).toContain('CLASSIFICATION_DISTRICT');
    expect(defaultCalendar('2026-01-01').map((d) => d.code)).not.toContain('CLASSIFICATION_DISTRICT');
    expect(defaultTargets('2026-01-01').every((t) => !t.levels.includes('DISTRICT'))).toBe(true);
  });

  it('lets a child campaign be stricter only: earlier deadlines, higher thresholds, GT over GTE', () => {
    expect(reasonOf(() => assertStricterDeadline('c', 'REGISTRATION', '2024-01-12', '2024-01-15'))).toBe('accepted');
    expect(reasonOf(() => assertStricterDeadline('c', 'REGISTRATION', '2024-01-16', '2024-01-15'))).toBe('CAMPAIGN_NOT_STRICTER');
    expect(reasonOf(() => assertStricterDeadline('c', 'OWN', '2024-05-01', undefined))).toBe('accepted');
    const parent: TargetSpec = { code: 'T', indicator: 'SAFE_STANDARD_RATE', unitKinds: ['COMMUNE'], levels: ['DISTRICT'], comparator: 'GTE', threshold: 80 };
    expect(reasonOf(() => assertStricterTarget('c', { ...parent, comparator: 'GT' }, parent))).toBe('accepted');
    expect(reasonOf(() => assertStricterTarget('c', { ...parent, threshold: 90 }, parent))).toBe('accepted');
    expect(reasonOf(() => assertStricterTarget('c', { ...parent, threshold: 79 }, parent))).toBe('CAMPAIGN_NOT_STRICTER');
    expect(reasonOf(() => assertStricterTarget('c', { ...parent, comparator: 'GTE' }, { ...parent, comparator: 'GT' }))).toBe('CAMPAIGN_NOT_STRICTER');
    expect(reasonOf(() => assertStricterTarget('c', { ...parent, indicator: 'GOOD_RATE' }, parent))).toBe('CAMPAIGN_NOT_STRICTER');
  });
});
