import { type RatedMember, type RatedTeam, excellentAllowed, teamRatingProblems, wholeMonths } from './team-rating.rules';

const member = (field: string, subjectKey: string, over: Partial<RatedMember> = {}): RatedMember => ({
  field,
  subjectKey,
  position: 'MEMBER',
  joinedOn: '2020-01-01',
  underComplaint: false,
  rating: 'GOOD',
  ...over,
});

const team = (index: number, over: Partial<RatedTeam> = {}, members: RatedMember[] = []): RatedTeam => ({
  field: `input.teams[${index}]`,
  teamUnitId: `team-${index}`,
  operatingSince: '2019-05-01',
  underComplaint: false,
  rating: 'GOOD',
  members,
  ...over,
});

const codes = (teams: RatedTeam[]) => teamRatingProblems(teams, 2024).map((problem) => `${problem.field} ${problem.code}`);

describe('R25: grassroots security team ratings', () => {
  it('counts whole months as PostgreSQL age() does', () => {
    expect(wholeMonths('2024-02-14', '2024-11-14')).toBe(9);
    expect(wholeMonths('2024-02-15', '2024-11-14')).toBe(8);
    expect(wholeMonths('2023-11-30', '2024-11-14')).toBe(11);
    expect(wholeMonths('2024-12-01', '2024-11-14')).toBe(0);
  });

  it('allows EXCELLENT up to 20% of GOOD, never rounding up', () => {
    expect([0, 4, 5, 9, 10, 14].map(excellentAllowed)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('accepts a commune whose every row holds', () => {
    const teams = [0, 1, 2, 3, 4].map((index) => team(index, {}, [member(`input.teams[${index}].members[0]`, `p${index}`, { position: 'LEADER' })]));
    teams.push(team(5, { rating: 'EXCELLENT' }, [member('input.teams[5].members[0]', 'p5', { position: 'LEADER', rating: 'EXCELLENT' })]));
    expect(codes(teams)).toEqual([]);
  });

  it('names each failing row and the commune quota, teams and members apart', () => {
    const teams = [
      team(0, { rating: 'EXCELLENT' }, [
        member('input.teams[0].members[0]', 'leader', { position: 'LEADER', rating: 'EXCELLENT' }),
        member('input.teams[0].members[1]', 'new', { joinedOn: '2024-03-01' }),
        member('input.teams[0].members[2]', 'complained', { underComplaint: true }),
        member('input.teams[0].members[3]', 'new-unrated', { joinedOn: '2024-06-01', rating: null }),
      ]),
      team(1, { operatingSince: '2024-04-01' }, [member('input.teams[1].members[0]', 'leader', { position: 'LEADER', rating: 'EXCELLENT' })]),
      team(2, { rating: null, underComplaint: true }, [
        member('input.teams[2].members[0]', 'l2', { position: 'LEADER' }),
        member('input.teams[2].members[1]', 'l3', { position: 'LEADER', rating: null }),
      ]),
      team(3, { teamUnitId: 'team-0', operatingSince: '2025-01-01' }),
    ];
    expect(codes(teams)).toEqual([
      'input.teams[0].members[1].rating UNDER_NINE_MONTHS',
      'input.teams[0].members[2].rating UNDER_COMPLAINT',
      'input.teams[1].rating UNDER_NINE_MONTHS',
      'input.teams[1].members[0] DUPLICATE_MEMBER',
      'input.teams[1].members[0].rating LEADER_ABOVE_TEAM',
      'input.teams[2].members MORE_THAN_ONE_LEADER',
      'input.teams[2].members[0].rating LEADER_ABOVE_TEAM',
      'input.teams[3].teamId DUPLICATE_TEAM',
      'input.teams[3].operatingSince STARTS_AFTER_EVALUATION',
      'input.teams EXCELLENT_OVER_QUOTA',
      'input.teams.members EXCELLENT_OVER_QUOTA',
    ]);
  });
});
