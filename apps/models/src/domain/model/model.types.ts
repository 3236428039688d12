/** ACTIVE → SUSPENDED → DISSOLVED (ACTIVE → DISSOLVED too). */
export type ModelStatus = 'ACTIVE' | 'SUSPENDED' | 'DISSOLVED';

export interface DissolutionDecisionView {
  number: string;
  date: string;
  decidedByUnitId: string;
}

/** A self-management model as the domain hands it around. */
export interface ModelView {
  id: string;
  name: string;
  typeCode: string;
  hostUnitId: string;
  foundedOn: string;
  description: string | null;
  status: ModelStatus;
  statusOn: string;
  statusReason: string | null;
  replicatedFromId: string | null;
  /** The original model of the lineage (itself for an original). */
  lineageRootId: string;
  dissolutionProposedOn: string | null;
  decision: DissolutionDecisionView | null;
  revision: number;
}

export interface ModelTypeView {
  code: string;
  name: string;
  description: string | null;
  active: boolean;
}

export interface StatusChangeView {
  from: ModelStatus | null;
  to: ModelStatus;
  actor: string;
  on: string;
  reason: string | null;
}

export interface HostChangeView {
  fromUnitId: string;
  toUnitId: string;
  effectiveOn: string;
}

/** Who made a change, and when it took effect. */
export interface Audit {
  actor: string;
  actorUnitId: string;
  on: string;
  reason: string | null;
}

export interface CreateModelInput {
  name: string;
  typeCode: string;
  hostUnitId: string;
  foundedOn: string;
  description?: string | null;
}

export interface ReplicateModelInput {
  sourceModelId: string;
  hostUnitId: string;
  name?: string | null;
  foundedOn: string;
  description?: string | null;
}

export interface SuspendModelInput {
  modelId: string;
  suspendedOn: string;
  reason: string;
}

export interface ResumeModelInput {
  modelId: string;
  resumedOn: string;
  reason: string;
}

export interface DissolveModelInput {
  modelId: string;
  dissolvedOn: string;
  reason: string;
  decisionNumber?: string | null;
  decisionDate?: string | null;
}

export interface DefineModelTypeInput {
  code: string;
  name: string;
  description?: string | null;
  active?: boolean | null;
}
