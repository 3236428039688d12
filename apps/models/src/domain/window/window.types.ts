/** The shape of a rule, as a caller proposes it (checked by `checkRuleShape`). */
export interface WindowRuleShape {
  /** The province (a PROVINCE unit) whose units it applies to; null: the national default. Part of the rule's key. */
  provinceId: string | null;
  /** The unit kinds it applies to; empty: every kind no other rule of the year names. */
  unitKinds: string[];
  startMonth: number;
  startDay: number;
  /** 0 or -1 (-1: the window of year Y starts in Y - 1). */
  startYearOffset: number;
  endMonth: number;
  endDay: number;
  validFromYear: number;
  /** Null: open (until a later version closes it). */
  validToYear: number | null;
}

/** A rule of evaluation windows (R4), one version: see `evaluation_window_rule`. */
export interface WindowRuleView extends WindowRuleShape {
  id: string;
  reason: string;
  createdBy: string;
  createdByUnitId: string | null;
  createdAt: string;
}

/** One audited change of a rule. */
export interface WindowRuleChangeView {
  ruleId: string;
  action: 'ADDED' | 'CLOSED';
  validToYearBefore: number | null;
  validToYearAfter: number | null;
  actor: string;
  actorUnitId: string | null;
  at: string;
  reason: string;
}

/** The evaluation window of one unit kind and year, in one province's calendar or the national one. */
export interface EvaluationWindowView {
  kind: string;
  year: number;
  /** The province whose rules were consulted before the national ones; null: the national calendar alone. */
  provinceId: string | null;
  /** The unit asked about, when the window was resolved for a unit. */
  unitId?: string | null;
  start: string;
  end: string;
  /** The rule in force for the kind and year. */
  rule: WindowRuleView;
}

export interface AddWindowRuleInput {
  /** Null or absent: a national rule (SYSTEM_ADMIN). */
  provinceId?: string | null;
  unitKinds?: string[] | null;
  startMonth: number;
  startDay: number;
  startYearOffset: number;
  endMonth: number;
  endDay: number;
  validFromYear: number;
  validToYear?: number | null;
  reason: string;
}
