import { type Caller, type Identity, type Role, SYSTEM_ADMIN, personalDataWithheld, readDecision, requireCaller, requireRole } from '@antt/auth';
import { type PersonalDataAccess } from '@antt/service-kit';
import { type UnitDirectory } from '@antt/unit-directory';

/** Levels that nominate units of their jurisdiction (the commune, district and provincial steering officers). */
export const NOMINATOR_ROLES: readonly Role[] = ['LEVEL_OFFICER', 'STEERING_OFFICER', SYSTEM_ADMIN];
/** The provincial police (PV05): receives nominations, edits schemes. */
export const RECEIVER_ROLES: readonly Role[] = ['STEERING_OFFICER', SYSTEM_ADMIN];
/** Home Affairs' emulation-reward board and the council: appraise, review, record the decision. */
export const APPRAISER_ROLES: readonly Role[] = ['APPRAISER', SYSTEM_ADMIN];
/** Who reads nominations (not citizens, not external readers: they see only the published list). */
export const READER_ROLES: readonly Role[] = ['LEVEL_OFFICER', 'STEERING_OFFICER', 'UNIT_OFFICER', 'APPRAISER', SYSTEM_ADMIN];

/**
 * Who sees and moves nominations, on the unit directory today: the nominated unit lies inside the caller's jurisdiction (a
 * SYSTEM_ADMIN sees every unit); reads of a past campaign also on its last day ({@link AwardsPolicy.readsForCampaign}).
 * Anything else is answered exactly as a nomination or unit that does not exist.
 */
export class AwardsPolicy {
  nominator(caller: Caller): Identity {
    return requireRole(caller, NOMINATOR_ROLES);
  }

  receiver(caller: Caller): Identity {
    return requireRole(caller, RECEIVER_ROLES);
  }

  appraiser(caller: Caller): Identity {
    return requireRole(caller, APPRAISER_ROLES);
  }

  /** Returns who may move nominations back (return, reject): the receiver or the appraisal board. */
  closer(caller: Caller): Identity {
    return requireRole(caller, [...new Set([...RECEIVER_ROLES, ...APPRAISER_ROLES])]);
  }

  /** The reader's identity, or null for a caller who reads no nomination. */
  reader(caller: Caller): Identity | null {
    const identity = requireCaller(caller);
    return identity.roles.some((role) => READER_ROLES.includes(role)) ? identity : null;
  }

  async sees(directory: UnitDirectory, identity: Identity, unitId: string, date: string): Promise<boolean> {
    if (identity.roles.includes(SYSTEM_ADMIN)) return (await directory.unitAt(unitId, date)) !== null;
    return directory.isWithin(unitId, identity.jurisdictionUnitId, date);
  }

  /**
   * Whether the caller READS something of `unitId` that belongs to a campaign ending on `campaignEnd`: the unit lies inside its
   * jurisdiction today, or — a past campaign — on the campaign's last day, counting the past of the units that went WHOLE into
   * the caller's unit since (org-units' read rule, `UnitDirectory.isWithinForRead`): after the 1 July 2025 reform Hưng Yên's
   * officers read Thái Bình's 2024 season, whose communes no longer exist. Reads only: every write is checked on today's tree.
   */
  async readsForCampaign(directory: UnitDirectory, identity: Identity, unitId: string, today: string, campaignEnd: string): Promise<boolean> {
    if (await this.sees(directory, identity, unitId, today)) return true;
    if (campaignEnd >= today) return false;
    if (identity.roles.includes(SYSTEM_ADMIN)) return (await directory.unitAt(unitId, campaignEnd)) !== null;
    return directory.isWithinForRead(unitId, identity.jurisdictionUnitId, campaignEnd);
  }

  /**
   * The units a reader below a campaign's owner reads the season of: those inside its jurisdiction today and, for a past
   * campaign, those inside it on the campaign's last day by the read rule of {@link readsForCampaign}.
   */
  async campaignReadSet(directory: UnitDirectory, identity: Identity, today: string, campaignEnd: string): Promise<Set<string> | null> {
    const root = identity.jurisdictionUnitId;
    const units = new Set<string>();
    if (await directory.unitAt(root, today)) for (const id of [root, ...(await directory.descendantsOf(root, today)).map((entry) => entry.unitId)]) units.add(id);
    if (campaignEnd < today) {
      for (const readRoot of await directory.readRootsOf(root, campaignEnd)) {
        if (!(await directory.unitAt(readRoot, campaignEnd))) continue;
        for (const id of [readRoot, ...(await directory.descendantsOf(readRoot, campaignEnd)).map((entry) => entry.unitId)]) units.add(id);
      }
    }
    return units.size > 0 ? units : null;
  }

  /**
   * How much of a nominee the caller sees, given that it reads the nomination (which already requires the nominee's unit inside
   * its jurisdiction): the read policy's NOMINEE_PERSONAL_DATA — ALLOW in clear (officers of the line, the appraisal board),
   * MASKED (SYSTEM_ADMIN, ORG_ADMIN), and nothing to the roles denied every personal datum (EXTERNAL_READER, CITIZEN).
   */
  personalDataAccess(caller: Caller): PersonalDataAccess {
    const identity = requireCaller(caller);
    if (personalDataWithheld(identity.roles)) return 'NONE';
    const decision = readDecision(identity.roles, 'NOMINEE_PERSONAL_DATA');
    return decision === 'ALLOW' ? 'FULL' : decision === 'MASKED' ? 'MASKED' : 'NONE';
  }
}
