import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROLES } from './identity';
import { personalDataWithheld, READ_POLICY, READ_RESOURCES, readDecision, renderReadPolicyTable } from './read-policy';

describe('the read policy table', () => {
  it('decides every resource kind for every role', () => {
    for (const role of ROLES) expect(Object.keys(READ_POLICY[role]).sort()).toEqual(Object.keys(READ_RESOURCES).sort());
  });

  it('takes the most open decision of a caller\'s roles, except that EXTERNAL_READER decides alone', () => {
    expect(readDecision(['APPRAISER', 'UNIT_OFFICER'], 'PLEDGE_PERSONAL_DATA')).toBe('ALLOW');
    expect(readDecision(['SYSTEM_ADMIN'], 'PLEDGE_PERSONAL_DATA')).toBe('MASKED');
    expect(readDecision(['EXTERNAL_READER', 'STEERING_OFFICER'], 'PLEDGE_PERSONAL_DATA')).toBe('DENY');
    expect(readDecision(['CITIZEN', 'LEVEL_OFFICER'], 'ARMED_FORCES_UNIT')).toBe('ALLOW');
    expect(readDecision([], 'UNIT')).toBe('DENY');
  });

  it('withholds personal data from EXTERNAL_READER and CITIZEN only', () => {
    expect(ROLES.filter((role) => personalDataWithheld([role]))).toEqual(['EXTERNAL_READER', 'CITIZEN']);
    expect(personalDataWithheld(['EXTERNAL_READER', 'UNIT_OFFICER'])).toBe(true);
    expect(personalDataWithheld(['CITIZEN', 'UNIT_OFFICER'])).toBe(false);
  });

  it('is the table docs/READ-POLICY.md shows', () => {
    const doc = readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'READ-POLICY.md'), 'utf8');
    expect(doc).toContain(renderReadPolicyTable());
  });
});
