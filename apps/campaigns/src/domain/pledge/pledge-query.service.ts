import { type UnitKind } from '@antt/contracts';
import { type Caller } from '@antt/auth';
import { type CampaignQueryService, type CampaignRepository } from '../campaign';
import { type CampaignInput } from '../shared';
import { type PledgePolicy } from './pledge.policy';
import { type PledgeRepository } from './pledge.repository';
import { type PersonalDataCipher, maskName, maskPhone } from '@antt/service-kit';
import { SIGNERS_BY_UNIT_KIND, percentOf } from './pledge.rules';
import { type PersonalDataAccess, type PledgeCoverageView, type PledgeRecord, type PledgeView } from './pledge.types';

/** Reads of pledges: coverage per unit (counts only) and a unit's pledges with personal data as the caller may see it. */
export class PledgeQueryService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly campaignQueries: CampaignQueryService,
    private readonly pledges: PledgeRepository,
    private readonly policy: PledgePolicy,
    private readonly cipher: PersonalDataCipher,
    private readonly input: CampaignInput,
  ) {}

  /**
   * The unit's pledges in the campaign's family signed by `asOf` (default today, clamped into the period) against org-units'
   * staffCount and residentHouseholds of the unit on that date (each only where the unit's kind has such signers); with
   * `includeBelow`, summed over the unit and every unit below it on that date. Null when the caller may not see the campaign or the unit.
   */
  async coverage(caller: Caller, unitId: string, rawCampaignId: string, rawAsOf?: string | null, includeBelow = false): Promise<PledgeCoverageView | null> {
    const campaign = await this.campaignQueries.campaign(caller, rawCampaignId);
    if (!campaign) return null;
    const asOf = this.campaignQueries.viewDate(campaign, this.input.optionalDate(rawAsOf, 'asOf'));
    const directory = this.campaigns.directory;
    if (!(await this.policy.canSeeUnit(directory, caller, unitId, asOf))) return null;
    const unit = await directory.unitAt(unitId, asOf);
    if (!unit) return null;
    const units = includeBelow ? [unit, ...(await directory.descendantsOf(unitId, asOf))] : [unit];
    const counts = await this.pledges.countsByUnit(campaign.rootCampaignId, units.map((entry) => entry.unitId), asOf);
    const total = { staff: 0, pupils: 0, residents: 0, households: 0, erased: 0 };
    let staffCount: number | null = null;
    let residentHouseholds: number | null = null;
    let residentialAreas = 0;
    let residentialAreasComplete = 0;
    for (const entry of units) {
      const count = counts.get(entry.unitId);
      if (count) for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += count[key];
      // A unit's count is a denominator only where that unit has such signers: a commune's residentHouseholds already sums its
      // villages', whose households pledge there, not at the commune.
      const signers = SIGNERS_BY_UNIT_KIND[entry.kind] ?? [];
      const staff = signers.includes('STAFF') ? (entry.attributes.staffCount ?? null) : null;
      const households = signers.includes('HOUSEHOLD') ? (entry.attributes.residentHouseholds ?? null) : null;
      if (staff !== null) staffCount = (staffCount ?? 0) + staff;
      if (households !== null) residentHouseholds = (residentHouseholds ?? 0) + households;
      if (entry.kind === 'RESIDENTIAL_AREA') {
        residentialAreas += 1;
        if (households !== null && (count?.households ?? 0) >= households) residentialAreasComplete += 1;
      }
    }
    const staff = total.staff + total.pupils;
    return {
      campaignId: campaign.id,
      unitId,
      unitKind: unit.kind as UnitKind,
      asOf,
      pledgedStaff: staff,
      staffCount,
      staffPercent: percentOf(staff, staffCount),
      pledgedHouseholds: total.households,
      residentHouseholds,
      householdPercent: percentOf(total.households, residentHouseholds),
      pledgedResidents: total.residents,
      pledgedPupils: total.pupils,
      erased: total.erased,
      includesBelow: includeBelow,
      units: units.length,
      residentialAreas,
      residentialAreasComplete,
    };
  }

  /** The unit's pledges in the campaign's family (`first` at most 1000); empty when the caller may not see the unit. */
  async ofUnit(caller: Caller, unitId: string, rawCampaignId: string, rawFirst?: number | null): Promise<PledgeView[]> {
    const first = this.input.pageSize(rawFirst, 1000, 100);
    const campaign = await this.campaignQueries.campaign(caller, rawCampaignId);
    if (!campaign) return [];
    if (!(await this.policy.canSeeUnit(this.campaigns.directory, caller, unitId, this.campaignQueries.viewDate(campaign)))) return [];
    const access = this.policy.personalDataAccess(caller);
    return (await this.pledges.ofUnit(campaign.rootCampaignId, unitId, first)).map((pledge) => this.view(pledge, access));
  }

  /** One pledge as the caller may see it; null when absent or outside the caller's reach. */
  async byId(caller: Caller, pledgeId: string): Promise<PledgeView | null> {
    const pledge = await this.pledges.find(pledgeId);
    if (!pledge) return null;
    const campaign = await this.campaignQueries.campaign(caller, pledge.campaignId);
    if (!campaign) return null;
    if (!(await this.policy.canSeeUnit(this.campaigns.directory, caller, pledge.unitId, this.campaignQueries.viewDate(campaign)))) return null;
    return this.view(pledge, this.policy.personalDataAccess(caller));
  }

  /** What one caller sees of a pledge: in clear, masked, or nothing of the person. */
  view(pledge: PledgeRecord, access: PersonalDataAccess): PledgeView {
    const base = {
      id: pledge.id,
      campaignId: pledge.campaignId,
      unitId: pledge.unitId,
      unitKind: pledge.unitKind,
      signerKind: pledge.signerKind,
      signedOn: pledge.signedOn,
      status: pledge.status,
      erasedAt: pledge.erasedAt,
      access,
    };
    if (access === 'FULL') {
      return {
        ...base,
        fullName: pledge.fullName,
        phone: pledge.phone,
        citizenId: pledge.citizenIdEnc ? this.cipher.decrypt(pledge.citizenIdEnc) : null,
        birthYear: pledge.birthYear,
        householdCode: pledge.householdCode,
      };
    }
    if (access === 'MASKED') {
      return {
        ...base,
        fullName: pledge.fullName ? maskName(pledge.fullName) : null,
        phone: pledge.phone ? maskPhone(pledge.phone) : null,
        citizenId: null,
        birthYear: null,
        householdCode: null,
      };
    }
    return { ...base, fullName: null, phone: null, citizenId: null, birthYear: null, householdCode: null };
  }
}
