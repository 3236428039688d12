export type AdvancedExampleKind = 'INDIVIDUAL' | 'COLLECTIVE';

/** An advanced example (điển hình tiên tiến). */
export interface AdvancedExampleView {
  id: string;
  kind: AdvancedExampleKind;
  name: string;
  unitId: string;
  modelId: string | null;
  achievement: string;
  recognisedByUnitId: string;
  recognisedOn: string;
  decisionNumber: string | null;
}

export interface RecogniseExampleInput {
  kind: AdvancedExampleKind;
  name: string;
  unitId: string;
  modelId?: string | null;
  achievement: string;
  recognisedOn: string;
  decisionNumber?: string | null;
}
