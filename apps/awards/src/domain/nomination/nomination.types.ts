import { type Caller } from '@antt/auth';
import { type NomineeInput, type NomineeRole, type RecipientKind } from '../nominee';
import { type EligibilityResult } from '../scheme';

export const NOMINATION_STATUSES = ['DRAFT', 'SUBMITTED', 'RECEIVED', 'APPRAISED', 'COUNCIL_REVIEWED', 'DECIDED', 'RETURNED', 'REJECTED', 'REVOKED'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
/** States a nomination still moves from. */
export const OPEN_STATUSES: readonly NominationStatus[] = ['DRAFT', 'SUBMITTED', 'RECEIVED', 'APPRAISED', 'COUNCIL_REVIEWED', 'RETURNED'];

export interface CommandContext {
  caller: Caller;
  correlationId: string | undefined;
}

export interface DossierView {
  submissionRef: string | null;
  achievementReportRef: string | null;
  councilMinutesRef: string | null;
  councilVotesFor: number | null;
  councilVotesAgainst: number | null;
  evidenceRefs: string[];
}

export interface StoredEligibility extends EligibilityResult {
  stage: 'SUBMISSION' | 'DECISION' | 'QUERY';
}

export interface NominationView {
  id: string;
  campaignId: string;
  formCode: string;
  recipientKind: RecipientKind;
  unitId: string;
  /** The unit id (collective) or the person's or household's blind index: what R19 and the award history speak of. */
  subjectKey: string;
  /** The nominee's personal fields, encrypted (null for a collective); read only through NomineeProtection.view. */
  nomineeEnc: string | null;
  nomineeRole: NomineeRole | null;
  nominatingUnitId: string;
  legalGround: string;
  achievement: string;
  dossier: DossierView;
  status: NominationStatus;
  eligibility: StoredEligibility | null;
  appraisalEligible: boolean | null;
  appraisalReason: string | null;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  decisionNumber: string | null;
  decidedOn: string | null;
  decidingAuthority: string | null;
  closingReason: string | null;
  dependsOn: string[];
  revokedOn: string | null;
  revocationDecision: string | null;
  revocationReason: string | null;
  recoverArtifact: boolean;
  recoverMoney: boolean;
  revision: number;
}

export interface RevokeInput {
  id: string;
  revocationDecision: string;
  revokedOn: string;
  reason: string;
  recoverArtifact: boolean;
  recoverMoney: boolean;
}

export interface TransitionView {
  fromStatus: NominationStatus | null;
  toStatus: NominationStatus;
  actor: string;
  actorUnitId: string;
  at: string;
  reason: string | null;
}

export interface AwardSummaryView {
  campaignId: string;
  /** Counted inside the caller's jurisdiction only (a caller below the campaign's owner). */
  restricted: boolean;
  nominations: number;
  forms: Array<{ formCode: string; quota: number | null; decided: number; pending: number; rejected: number }>;
}

export interface DossierInput {
  submissionRef?: string | null;
  achievementReportRef?: string | null;
  councilMinutesRef?: string | null;
  councilVotesFor?: number | null;
  councilVotesAgainst?: number | null;
  evidenceRefs?: readonly string[] | null;
}

export interface CreateNominationInput {
  campaignId: string;
  formCode: string;
  recipientKind?: RecipientKind | null;
  unitId: string;
  nominee?: NomineeInput | null;
  legalGround: string;
  achievement: string;
  dossier: DossierInput;
}

export interface DecideInput {
  id: string;
  decisionNumber: string;
  decidedOn: string;
  authority: string;
}

/** R27: what a dossier lacks before it may move up (empty when complete). */
export function dossierGaps(dossier: DossierView): string[] {
  const gaps: string[] = [];
  if (!dossier.submissionRef) gaps.push('submissionRef');
  if (!dossier.achievementReportRef) gaps.push('achievementReportRef');
  if (!dossier.councilMinutesRef) gaps.push('councilMinutesRef');
  if (dossier.councilVotesFor === null) gaps.push('councilVotesFor');
  if (dossier.councilVotesAgainst === null) gaps.push('councilVotesAgainst');
  if (dossier.evidenceRefs.length === 0) gaps.push('evidenceRefs');
  return gaps;
}

/** An award on the published list (R31): the decision's public content only. */
export interface PublishedAwardView {
  id: string;
  recipientKind: RecipientKind;
  unitId: string;
  /** The unit's code and name on the decision date, from the unit directory (the campaign's last day if it held none then). */
  unitCode: string;
  unitName: string;
  /** The person's or household head's name as the reader's role sees it (null for a collective and for external agencies). */
  recipientName: string | null;
  formCode: string;
  formName: string;
  decisionNumber: string;
  decidedOn: string;
  authority: string;
  status: 'DECIDED' | 'REVOKED';
  revokedOn: string | null;
  revocationDecision: string | null;
}

/** What a certificate prints. */
export interface CertificateView {
  awardId: string;
  recipientKind: RecipientKind;
  recipientUnitId: string;
  recipientName: string | null;
  formName: string;
  issuingAuthority: string;
  campaignTitle: string;
  achievement: string;
  decisionNumber: string;
  decidedOn: string;
  authority: string;
  bonusMultiple: number;
}
