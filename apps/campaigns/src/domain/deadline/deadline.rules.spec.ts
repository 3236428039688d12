import { type DeadlineView } from '../campaign';
import { boundKinds, noticeDue } from './deadline.rules';

const registration: DeadlineView = { code: 'REGISTRATION', dueOn: '2024-01-15', unitKinds: [], inherited: false };
const festival: DeadlineView = { code: 'FESTIVAL_DAY', dueOn: '2024-08-19', unitKinds: [], inherited: false };

describe('deadline notices', () => {
  it('reminds from the configured number of days before the day to the day itself', () => {
    expect(noticeDue(registration, '2024-01-07', 7, false)).toBeNull();
    expect(noticeDue(registration, '2024-01-08', 7, false)).toEqual({ kind: 'APPROACHING', days: 7 });
    expect(noticeDue(registration, '2024-01-15', 7, false)).toEqual({ kind: 'APPROACHING', days: 0 });
    expect(noticeDue(festival, '2024-08-15', 7, true)).toEqual({ kind: 'APPROACHING', days: 4 });
  });

  it('flags an unregistered unit overdue after the registration deadline only, and never a registered one', () => {
    expect(noticeDue(registration, '2024-01-16', 7, false)).toEqual({ kind: 'OVERDUE', days: 1 });
    expect(noticeDue(registration, '2024-01-16', 7, true)).toBeNull();
    expect(noticeDue(registration, '2024-01-10', 7, true)).toBeNull();
    expect(noticeDue(festival, '2024-08-20', 7, false)).toBeNull();
  });

  it('binds the kinds a deadline names, else every registering kind', () => {
    expect(boundKinds({ ...festival, unitKinds: ['DISTRICT'] })).toEqual(['DISTRICT']);
    expect(boundKinds(festival)).toContain('RESIDENTIAL_AREA');
    expect(boundKinds(festival)).not.toContain('DISTRICT');
  });
});
