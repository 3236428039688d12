import { type PersonalDataAccess, type PersonalDataCipher, maskName, nameKey } from '@antt/service-kit';
import { type AwardsInput, awardErrors } from '../shared';

/** What an individual nominee is in their unit; rules read it (the leader rule, R23; team members' service, R25). */
export const NOMINEE_ROLES = ['UNIT_LEADER', 'TEAM_MEMBER', 'OFFICER', 'RESIDENT'] as const;
export type NomineeRole = (typeof NOMINEE_ROLES)[number];

export type RecipientKind = 'COLLECTIVE' | 'HOUSEHOLD' | 'INDIVIDUAL';
export const RECIPIENT_KINDS: readonly RecipientKind[] = ['COLLECTIVE', 'HOUSEHOLD', 'INDIVIDUAL'];

/** The personal fields of a nominee, kept only encrypted (one AES-256-GCM ciphertext of this record's JSON). */
export interface NomineeRecord {
  fullName: string;
  birthYear: number | null;
  birthDate: string | null;
  position: string | null;
  citizenId: string | null;
  address: string | null;
}

/** A nominee as one caller sees it: every personal field in clear, masked (the name's initials only) or null. */
export interface NomineeView {
  access: PersonalDataAccess;
  fullName: string | null;
  birthYear: number | null;
  birthDate: string | null;
  position: string | null;
  citizenId: string | null;
  address: string | null;
  role: NomineeRole | null;
}

export interface NomineeInput {
  fullName: string;
  birthYear?: number | null;
  birthDate?: string | null;
  role?: NomineeRole | null;
  position?: string | null;
  citizenId?: string | null;
  address?: string | null;
}

/** What a nomination stores of its subject: the blind index, the ciphertext and the role. */
export interface StoredNominee {
  subjectKey: string;
  nomineeEnc: string | null;
  nomineeRole: NomineeRole | null;
}

const EARLIEST_BIRTH_YEAR = 1900;
const CITIZEN_ID = /^\d{12}$/;

/**
 * Nominees' personal data (Decree 13/2023, as campaigns' pledgers: docs/adr/0012): checked and canonicalised at the edge,
 * encrypted at rest, recognised again only through a keyed hash, shown by the caller's role.
 *
 * The subject key (R19, the award history) of a person is the HMAC of the citizen ID when given (the same person in any unit),
 * else of unit + normalised name + birth year; of a household, of unit + normalised head's name + normalised address. A
 * collective's subject is its unit id.
 */
export class NomineeProtection {
  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly input: AwardsInput,
  ) {}

  /** Checks a nominee against its recipient kind and returns what the nomination stores; `today` bounds the birth date. */
  protect(kind: RecipientKind, unitId: string, raw: NomineeInput | null | undefined, today: string, field = 'input.nominee'): StoredNominee {
    if (kind === 'COLLECTIVE') {
      if (raw) throw awardErrors.invalidNominee(field, 'a collective nomination names no person');
      return { subjectKey: unitId, nomineeEnc: null, nomineeRole: null };
    }
    if (!raw) throw awardErrors.invalidNominee(field, `a ${kind} nomination needs its nominee`);
    const record = kind === 'INDIVIDUAL' ? this.person(raw, today, field) : this.household(raw, field);
    const role = kind === 'INDIVIDUAL' ? this.role(raw.role, field) : null;
    return { subjectKey: this.subjectKey(kind, unitId, record), nomineeEnc: this.cipher.encryptJson(record), nomineeRole: role };
  }

  /** The nominee of a stored nomination as a caller with `access` sees it (null for a collective). */
  view(stored: { nomineeEnc: string | null; nomineeRole: string | null }, access: PersonalDataAccess): NomineeView | null {
    if (!stored.nomineeEnc) return null;
    const role = (stored.nomineeRole as NomineeRole | null) ?? null;
    const none = { access, fullName: null, birthYear: null, birthDate: null, position: null, citizenId: null, address: null, role };
    if (access === 'NONE') return none;
    // Decrypted only for a caller who sees something of it: a NONE caller costs no decryption and leaves nothing in memory.
    const record = this.cipher.decryptJson<NomineeRecord>(stored.nomineeEnc);
    if (access === 'MASKED') return { ...none, fullName: maskName(record.fullName) };
    return { access, ...record, role };
  }

  private person(raw: NomineeInput, today: string, field: string): NomineeRecord {
    const fullName = this.input.line(raw.fullName, `${field}.fullName`, 100);
    if (raw.address !== null && raw.address !== undefined) throw awardErrors.invalidNominee(`${field}.address`, 'an individual nomination takes no household address');
    const { birthYear, birthDate } = this.birth(raw, today, field);
    const position = raw.position === null || raw.position === undefined ? null : this.input.line(raw.position, `${field}.position`, 200);
    return { fullName, birthYear, birthDate, position, citizenId: this.citizenId(raw.citizenId, field), address: null };
  }

  private household(raw: NomineeInput, field: string): NomineeRecord {
    const fullName = this.input.line(raw.fullName, `${field}.fullName`, 100);
    for (const name of ['birthYear', 'birthDate', 'role', 'position'] as const) {
      if (raw[name] !== null && raw[name] !== undefined) throw awardErrors.invalidNominee(`${field}.${name}`, 'a household nomination names its head and address only');
    }
    if (raw.address === null || raw.address === undefined) throw awardErrors.invalidNominee(`${field}.address`, 'a household nomination needs its address');
    const address = this.input.line(raw.address, `${field}.address`, 300);
    return { fullName, birthYear: null, birthDate: null, position: null, citizenId: this.citizenId(raw.citizenId, field), address };
  }

  private birth(raw: NomineeInput, today: string, field: string): { birthYear: number; birthDate: string | null } {
    const thisYear = Number(today.slice(0, 4));
    if (raw.birthDate !== null && raw.birthDate !== undefined) {
      const birthDate = this.input.dateWithin(raw.birthDate, `${field}.birthDate`, { earliest: '0001-01-01', latest: '9999-12-31' });
      if (birthDate > today) throw awardErrors.invalidBirthDate(`${field}.birthDate`, 'lies in the future');
      const year = Number(birthDate.slice(0, 4));
      if (year < EARLIEST_BIRTH_YEAR) throw awardErrors.invalidBirthDate(`${field}.birthDate`, `lies before ${EARLIEST_BIRTH_YEAR}`);
      if (raw.birthYear !== null && raw.birthYear !== undefined && raw.birthYear !== year) {
        throw awardErrors.invalidBirthDate(`${field}.birthYear`, 'differs from the year of the birth date');
      }
      return { birthYear: year, birthDate };
    }
    const year = raw.birthYear;
    if (year === null || year === undefined) throw awardErrors.invalidBirthDate(`${field}.birthYear`, 'an individual nomination needs the birth year or date');
    if (!Number.isInteger(year) || year < EARLIEST_BIRTH_YEAR || year > thisYear) {
      throw awardErrors.invalidBirthDate(`${field}.birthYear`, `must be a year from ${EARLIEST_BIRTH_YEAR} to ${thisYear}`);
    }
    return { birthYear: year, birthDate: null };
  }

  private role(raw: NomineeRole | null | undefined, field: string): NomineeRole {
    if (raw === null || raw === undefined) throw awardErrors.invalidNominee(`${field}.role`, 'an individual nomination needs the nominee’s role');
    if (!(NOMINEE_ROLES as readonly string[]).includes(raw)) throw awardErrors.invalidNominee(`${field}.role`, 'unknown role');
    return raw;
  }

  private citizenId(raw: string | null | undefined, field: string): string | null {
    if (raw === null || raw === undefined) return null;
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (!CITIZEN_ID.test(value)) throw awardErrors.invalidCitizenId(`${field}.citizenId`);
    return value;
  }

  private subjectKey(kind: 'HOUSEHOLD' | 'INDIVIDUAL', unitId: string, record: NomineeRecord): string {
    // A household is never the same subject as its head nominated as a person: its own prefix and hashed material.
    if (kind === 'HOUSEHOLD') {
      return `h:${this.cipher.hash(record.citizenId ? `hh-cid|${record.citizenId}` : `hh|${unitId}|${nameKey(record.fullName)}|${nameKey(record.address ?? '')}`)}`;
    }
    if (record.citizenId) return `p:${this.cipher.hash(`cid|${record.citizenId}`)}`;
    return `p:${this.cipher.hash(`nm|${unitId}|${nameKey(record.fullName)}|${record.birthYear ?? ''}`)}`;
  }
}
