import { type UnitKind } from '@antt/contracts';

/** Where a unit's safe-standard recognition for a year stands (the contract's statuses). */
export type RecognitionStatus = 'RECOGNISED' | 'NOT_RECOGNISED' | 'REVOKED';

/** What the competent People's Committee decided. */
export type RecognitionOutcome = 'ACHIEVED' | 'NOT_ACHIEVED';

/** Vietnamese labels of the statuses. */
export const RECOGNITION_STATUS_LABELS: Record<RecognitionStatus, string> = {
  RECOGNISED: 'Đạt chuẩn an toàn về an ninh, trật tự',
  NOT_RECOGNISED: 'Không đạt chuẩn an toàn về an ninh, trật tự',
  REVOKED: 'Bị thu hồi công nhận',
};

export interface CertificateView {
  number: string;
  date: string;
  signer: string;
}

/** A safe-standard decision as the API and the event show it. */
export interface RecognitionView {
  id: string;
  unitId: string;
  unitKind: UnitKind;
  year: number;
  status: RecognitionStatus;
  decidingUnitId: string;
  decidedOn: string;
  recognisedOn: string | null;
  revokedOn: string | null;
  reason: string | null;
  decisionNumber: string | null;
  certificate: CertificateView | null;
  revision: number;
}

export interface DecideRecognitionInput {
  unitId: string;
  year: number;
  outcome: RecognitionOutcome;
  decidedOn: string;
  decisionNumber?: string | null;
  reason?: string | null;
  certificateNumber?: string | null;
  certificateSigner?: string | null;
}

/** What a published revision did (R30). */
export type RecognitionAction = 'DECIDED' | 'REVOKED' | 'CORRECTED';

/** Vietnamese labels of the revision actions. */
export const RECOGNITION_ACTION_LABELS: Record<RecognitionAction, string> = {
  DECIDED: 'Quyết định',
  REVOKED: 'Thu hồi công nhận',
  CORRECTED: 'Đính chính kết quả',
};

/** One published revision of a decision: the original, an audited revocation or an audited correction (R30). */
export interface RecognitionRevisionView {
  revision: number;
  status: RecognitionStatus;
  decidedOn: string;
  revokedOn: string | null;
  decisionNumber: string | null;
  /** The decision's reason; for a correction, why it was corrected. */
  reason: string | null;
  action: RecognitionAction;
  actor: string;
  actorUnitId: string;
  at: Date;
}

export interface RevokeRecognitionInput {
  unitId: string;
  year: number;
  revokedOn: string;
  reason: string;
  decisionNumber?: string | null;
}

/** R30: a changed outcome (NOT_ACHIEVED → ACHIEVED or the reverse) through an audited correction of the one decision (R3). */
export interface CorrectRecognitionInput {
  unitId: string;
  year: number;
  outcome: RecognitionOutcome;
  /** Date of the correcting decision; the competent level is the one R2 names on it. */
  correctedOn: string;
  reason: string;
  decisionNumber?: string | null;
  certificateNumber?: string | null;
  certificateSigner?: string | null;
}
