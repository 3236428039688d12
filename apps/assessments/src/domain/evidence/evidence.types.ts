/** An evidence file attached to an item or a criterion of an assessment (its content lives in the evidence storage). */
export interface EvidenceFileView {
  id: string;
  assessmentId: string;
  itemCode: string | null;
  criterionCode: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
  uploadedByUnitId: string;
  at: Date;
}

export interface AttachEvidenceInput {
  assessmentId: string;
  itemCode?: string | null;
  criterionCode?: string | null;
  fileName: string;
  contentType: string;
  contentBase64: string;
  sha256: string;
}
