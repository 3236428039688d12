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

/** One published revision of a decision: the original or an audited revocation (R30). */
export interface RecognitionRevisionView {
  revision: number;
  status: RecognitionStatus;
  decidedOn: string;
  revokedOn: string | null;
  decisionNumber: string | null;
  reason: string | null;
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
