import { type SqlClient } from '@antt/unit-directory';
import { CONTINUED_CHAIN, runOf } from './consecutive-years.sql';

/** What awards knows of a campaign (from campaigns' events). */
export interface CampaignFactView {
  campaignId: string;
  ownerUnitId: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  /** The evaluation year of the season: the year of the campaign's last day. */
  year: number;
}

/** The facts of one unit in one campaign as of a date, as eligibility conditions read them. */
export interface UnitFacts {
  SAFE_STANDARD: boolean;
  /** EXCELLENT 4, GOOD 3, AVERAGE 2, WEAK 1, none 0. */
  CLASSIFICATION_RANK: number;
  /** The classification itself, for reports (null when none). */
  classification: string | null;
  /** The recognition status itself, for reports (null when none). */
  recognition: string | null;
  /** Registered in the campaign or in a campaign of its family (launched under it, any depth), not withdrawn by the date. */
  REGISTERED: boolean;
  UNIT_KIND: string | null;
  /** models: the unit had an effective model in the evaluation window of the campaign's year. */
  EFFECTIVE_MODEL: boolean;
  /** models: a collective advanced example of the unit recognised in the campaign's year, on or before the date. */
  ADVANCED_EXAMPLE: boolean;
  /**
   * Consecutive years up to and including the campaign's year in which the unit reached the safe standard as of the date (a
   * recognition revoked by then counts as not reached); a year missing from the fact store breaks the run (0 when the
   * campaign's year itself is not reached). Through the directory's lineage, the years of the units it continues 1:1 count
   * too (a reclassification, a replacement under a new id; any number of generations; a year counts when either reached
   * it); a merger's or a partial share's do not (docs/adr/0022).
   */
  CONSECUTIVE_YEARS_SAFE: number;
  /** Consecutive years up to and including the campaign's year classified GOOD or better (decided by the date); as above. */
  CONSECUTIVE_YEARS_GOOD: number;
  /** Forms of the awards the unit holds (decided, not revoked, decided on or before the date; any campaign): R20 prerequisites. */
  AWARD_HELD: string[];
  /** The ids of those awards, for the dependencies a decision records (R26 cascade). */
  heldAwards: Array<{ id: string; formCode: string }>;
  /** Individuals: the nominee's role (null for collectives and households). */
  NOMINEE_ROLE: string | null;
  /** Individuals: whole months of the service period holding on the date (0 when none; the longest when several): SERVICE person facts and membership in the year's team ratings. */
  MONTHS_OF_SERVICE: number;
  /** Individuals: no complaint pending on the date (true for collectives and households: they have no person facts). */
  NO_PENDING_COMPLAINT: boolean;
  /**
   * R25: the current rating of the campaign's year — a SECURITY_TEAM unit's own; an individual's as a team member (by subject
   * key); null when not rated (and for households).
   */
  TEAM_RATING: string | null;
}

/** Whose facts to read: a collective (its unit) or a person or household (the facts of its unit, its own awards, its role). */
export interface FactSubject {
  subjectKey: string;
  unitId: string;
  recipientKind: 'COLLECTIVE' | 'HOUSEHOLD' | 'INDIVIDUAL';
  nomineeRole: string | null;
}

export const CLASSIFICATION_RANKS: Readonly<Record<string, number>> = { EXCELLENT: 4, GOOD: 3, AVERAGE: 2, WEAK: 1 };

interface FactRow {
  unit_id: string;
  kind: string | null;
  rec_status: string | null;
  safe: boolean;
  classification: string | null;
  registered: boolean;
  held: Array<{ id: string; formCode: string }> | null;
  effective: boolean;
  example: boolean;
  years_safe: number;
  years_good: number;
}

/**
 * Reads the fact store (fed only by events) as of a date: a recognition counts from its date until a revocation takes effect,
 * a classification from its decision, a registration from its date until a withdrawal — in the campaign or any campaign
 * launched under it, at any depth (its family, walked through the parents the campaign events carry: communes register in
 * their district's child campaign). Runs of consecutive years (safe standard, GOOD or better) count back from the campaign's
 * year over the rows of the unit and of the units it continues 1:1 (lineage walked back in the same statement, see
 * `consecutive-years.sql.ts`): the year Y is the n-th newest qualifying one exactly when no year between it and the
 * campaign's is missing (year + n - 1 = campaign year). One statement for any number of units.
 */
export class FactStore {
  constructor(private readonly db: SqlClient) {}

  async campaign(campaignId: string): Promise<CampaignFactView | null> {
    const rows = await this.db.$queryRawUnsafe<Array<{ campaign_id: string; owner_unit_id: string; title: string; period_start: string; period_end: string }>>(
      `SELECT campaign_id::text, owner_unit_id::text, title, to_char(period_start, 'YYYY-MM-DD') AS period_start,
              to_char(period_end, 'YYYY-MM-DD') AS period_end
       FROM campaign_fact WHERE campaign_id = $1::uuid`,
      campaignId,
    );
    const row = rows[0];
    if (!row) return null;
    return { campaignId: row.campaign_id, ownerUnitId: row.owner_unit_id, title: row.title, periodStart: row.period_start, periodEnd: row.period_end, year: Number(row.period_end.slice(0, 4)) };
  }

  /** Facts of every unit of `unitIds` in `campaign` as of `asOf`; the unit kind is the directory's on the campaign's last day. */
  async factsOf(unitIds: readonly string[], campaign: CampaignFactView, asOf: string): Promise<Map<string, UnitFacts>> {
    const facts = new Map<string, UnitFacts>();
    if (unitIds.length === 0) return facts;
    const rows = await this.db.$queryRawUnsafe<FactRow[]>(
      `WITH RECURSIVE family(campaign_id) AS (
         SELECT $5::uuid
         UNION
         SELECT f.campaign_id FROM campaign_fact f JOIN family ON f.parent_campaign_id = family.campaign_id
       ),
       ${CONTINUED_CHAIN},
       ${runOf('safe_run', 'recognition_fact', "s.recognised_on <= $3::date AND (s.revoked_on IS NULL OR s.revoked_on > $3::date)")},
       ${runOf('good_run', 'classification_fact', "s.decided_on <= $3::date AND s.classification IN ('GOOD', 'EXCELLENT')")}
       SELECT u.unit_id::text AS unit_id,
              (SELECT d.kind FROM directory_unit d JOIN directory_unit_version v ON v.unit_id = d.unit_id
                WHERE d.unit_id = u.unit_id AND v.valid_from <= $4::date AND (v.valid_to IS NULL OR v.valid_to > $4::date) LIMIT 1) AS kind,
              r.status AS rec_status,
              COALESCE(r.recognised_on <= $3::date AND (r.revoked_on IS NULL OR r.revoked_on > $3::date), false) AS safe,
              CASE WHEN c.decided_on <= $3::date THEN c.classification END AS classification,
              EXISTS (SELECT 1 FROM registration_fact g WHERE g.campaign_id IN (SELECT campaign_id FROM family) AND g.unit_id = u.unit_id
                        AND g.registered_on <= $3::date AND (g.withdrawn_on IS NULL OR g.withdrawn_on > $3::date)) AS registered,
              (SELECT json_agg(json_build_object('id', a.id::text, 'formCode', a.form_code) ORDER BY a.decided_on, a.id)
                 FROM nomination a WHERE a.subject_key = u.unit_id::text AND a.status = 'DECIDED' AND a.decided_on <= $3::date) AS held,
              COALESCE((SELECT m.has_effective_model FROM effective_model_fact m WHERE m.unit_id = u.unit_id AND m.year = $2), false) AS effective,
              EXISTS (SELECT 1 FROM advanced_example_fact x WHERE x.unit_id = u.unit_id AND x.kind = 'COLLECTIVE'
                        AND x.recognised_on <= $3::date AND extract(year FROM x.recognised_on) = $2) AS example,
              COALESCE(rs.years, 0) AS years_safe,
              COALESCE(rg.years, 0) AS years_good
       FROM unnest($1::uuid[]) AS u(unit_id)
       LEFT JOIN recognition_fact r ON r.unit_id = u.unit_id AND r.year = $2
       LEFT JOIN classification_fact c ON c.unit_id = u.unit_id AND c.year = $2
       LEFT JOIN safe_run rs ON rs.root = u.unit_id
       LEFT JOIN good_run rg ON rg.root = u.unit_id`,
      [...unitIds],
      campaign.year,
      asOf,
      campaign.periodEnd,
      campaign.campaignId,
    );
    const teamRatings = await this.teamRatingsOf(rows.filter((row) => row.kind === 'SECURITY_TEAM').map((row) => row.unit_id), campaign.year);
    for (const row of rows) {
      facts.set(row.unit_id, {
        SAFE_STANDARD: row.safe,
        CLASSIFICATION_RANK: row.classification ? (CLASSIFICATION_RANKS[row.classification] ?? 0) : 0,
        classification: row.classification,
        recognition: row.rec_status,
        REGISTERED: row.registered,
        UNIT_KIND: row.kind,
        EFFECTIVE_MODEL: row.effective,
        ADVANCED_EXAMPLE: row.example,
        CONSECUTIVE_YEARS_SAFE: row.years_safe,
        CONSECUTIVE_YEARS_GOOD: row.years_good,
        AWARD_HELD: [...new Set((row.held ?? []).map((award) => award.formCode))],
        heldAwards: row.held ?? [],
        NOMINEE_ROLE: null,
        MONTHS_OF_SERVICE: 0,
        NO_PENDING_COMPLAINT: true,
        TEAM_RATING: teamRatings.get(row.unit_id) ?? null,
      });
    }
    return facts;
  }

  /**
   * Facts of many subjects at once, keyed by subject key: a person or household is judged on its unit's facts (R23: a leader's
   * unit meets the same) with its own awards (found through its blind index, across campaigns and units) and its role. Two
   * statements for any number of subjects.
   */
  async factsOfSubjects(subjects: readonly FactSubject[], campaign: CampaignFactView, asOf: string): Promise<Map<string, UnitFacts>> {
    const units = await this.factsOf([...new Set(subjects.map((subject) => subject.unitId))], campaign, asOf);
    const people = [...new Set(subjects.filter((subject) => subject.recipientKind !== 'COLLECTIVE').map((subject) => subject.subjectKey))];
    const held = await this.heldBy(people, asOf);
    const individuals = subjects.filter((subject) => subject.recipientKind === 'INDIVIDUAL').map((subject) => subject.subjectKey);
    const persons = await this.personFactsOf(individuals, asOf, campaign.year);
    const memberRatings = await this.memberRatingsOf(individuals, campaign.year);
    const facts = new Map<string, UnitFacts>();
    for (const subject of subjects) {
      const unit = units.get(subject.unitId);
      if (!unit) continue;
      if (subject.recipientKind === 'COLLECTIVE') {
        facts.set(subject.subjectKey, unit);
        continue;
      }
      const awards = held.get(subject.subjectKey) ?? [];
      facts.set(subject.subjectKey, {
        ...unit,
        AWARD_HELD: [...new Set(awards.map((award) => award.formCode))],
        heldAwards: awards,
        NOMINEE_ROLE: subject.recipientKind === 'INDIVIDUAL' ? subject.nomineeRole : null,
        MONTHS_OF_SERVICE: persons.get(subject.subjectKey)?.months ?? 0,
        NO_PENDING_COMPLAINT: !(persons.get(subject.subjectKey)?.pending ?? false),
        TEAM_RATING: subject.recipientKind === 'INDIVIDUAL' ? (memberRatings.get(subject.subjectKey) ?? null) : null,
      });
    }
    return facts;
  }

  /** R25: the current team rating of the year of each team unit among `unitIds` (rated ones only). */
  private async teamRatingsOf(unitIds: readonly string[], year: number): Promise<Map<string, string>> {
    if (unitIds.length === 0) return new Map();
    const rows = await this.db.$queryRawUnsafe<Array<{ team_unit_id: string; rating: string }>>(
      `SELECT t.team_unit_id::text, t.rating
       FROM team_rating t JOIN team_rating_round r ON r.id = t.round_id AND r.current AND r.year = $2
       WHERE t.team_unit_id = ANY($1::uuid[]) AND t.rating IS NOT NULL`,
      [...unitIds],
      year,
    );
    return new Map(rows.map((row) => [row.team_unit_id, row.rating]));
  }

  /** R25: the current member rating of the year of each person among `subjectKeys` (rated ones only; the highest if several). */
  private async memberRatingsOf(subjectKeys: readonly string[], year: number): Promise<Map<string, string>> {
    if (subjectKeys.length === 0) return new Map();
    const rows = await this.db.$queryRawUnsafe<Array<{ subject_key: string; rating: string }>>(
      `SELECT DISTINCT ON (m.subject_key) m.subject_key, m.rating
       FROM team_member_rating m JOIN team_rating_round r ON r.id = m.round_id AND r.current AND r.year = $2
       WHERE m.subject_key = ANY($1::text[]) AND m.rating IS NOT NULL
       ORDER BY m.subject_key, array_position(ARRAY['EXCELLENT','GOOD','COMPLETED','NOT_COMPLETED'], m.rating)`,
      [...new Set(subjectKeys)],
      year,
    );
    return new Map(rows.map((row) => [row.subject_key, row.rating]));
  }

  /**
   * Person facts as of `asOf`, per subject: the whole months of the longest service period holding on the date (a SERVICE fact,
   * or membership since `joinedOn` in the current team ratings of `year`), and whether a complaint lodged on or before it is
   * still pending (not closed by then). One statement for any number of persons.
   */
  private async personFactsOf(subjectKeys: readonly string[], asOf: string, year: number): Promise<Map<string, { months: number; pending: boolean }>> {
    const facts = new Map<string, { months: number; pending: boolean }>();
    if (subjectKeys.length === 0) return facts;
    // Service: the person's SERVICE facts holding on the date, and their membership in the current team ratings of the
    // campaign's year (R25: the commune recorded the date they joined) — the longest.
    const rows = await this.db.$queryRawUnsafe<Array<{ subject_key: string; months: number | null; pending: boolean }>>(
      `WITH held AS (
         SELECT subject_key, CASE WHEN kind = 'SERVICE' THEN valid_from END AS since, kind = 'COMPLAINT' AS complaint
         FROM person_fact
         WHERE subject_key = ANY($1::text[]) AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date)
         UNION ALL
         SELECT m.subject_key, m.joined_on, false
         FROM team_member_rating m JOIN team_rating_round r ON r.id = m.round_id AND r.current AND r.year = $3
         WHERE m.subject_key = ANY($1::text[]) AND m.joined_on <= $2::date
       )
       SELECT subject_key,
              max((extract(year FROM age($2::date, since)) * 12 + extract(month FROM age($2::date, since)))::int) AS months,
              bool_or(complaint) AS pending
       FROM held GROUP BY subject_key`,
      [...new Set(subjectKeys)],
      asOf,
      year,
    );
    for (const row of rows) facts.set(row.subject_key, { months: row.months ?? 0, pending: row.pending });
    return facts;
  }

  /** The awards each subject holds (decided on or before `asOf`, not revoked), in decision order. */
  private async heldBy(subjectKeys: readonly string[], asOf: string): Promise<Map<string, Array<{ id: string; formCode: string }>>> {
    const held = new Map<string, Array<{ id: string; formCode: string }>>();
    if (subjectKeys.length === 0) return held;
    const rows = await this.db.$queryRawUnsafe<Array<{ subject_key: string; id: string; form_code: string }>>(
      `SELECT subject_key, id::text, form_code FROM nomination
       WHERE subject_key = ANY($1::text[]) AND status = 'DECIDED' AND decided_on <= $2::date
       ORDER BY decided_on, id`,
      [...subjectKeys],
      asOf,
    );
    for (const row of rows) held.set(row.subject_key, [...(held.get(row.subject_key) ?? []), { id: row.id, formCode: row.form_code }]);
    return held;
  }
}
