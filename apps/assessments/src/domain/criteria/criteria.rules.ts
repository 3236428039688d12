import { type CriterionAnswerView, type CriterionDerivation, type CriterionResultView, type CriterionView, type DerivedFacts, type DerivedInputsView, type SafeStandardProposalView } from './criteria.types';

const vnDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A derived criterion's value and the inputs it rests on: computed from facts, never typed in. */
export function deriveCriterion(derivation: CriterionDerivation, facts: DerivedFacts): { met: boolean; inputs: DerivedInputsView } {
  const base: DerivedInputsView = {
    derivation,
    summary: '',
    windowFrom: null,
    windowTo: null,
    incidents: [],
    hasEffectiveModel: null,
    effectiveModelRevision: null,
    discipline: null,
    communeRule: null,
  };
  switch (derivation) {
    case 'NO_LISTED_INCIDENT': {
      const { incidents, window } = facts;
      const period = `${vnDate(window.from)}–${vnDate(window.to)}`;
      const summary =
        incidents.length === 0
          ? `Không có vụ việc thuộc danh mục trong thời gian đánh giá ${period}`
          : `${incidents.length} vụ việc thuộc danh mục trong thời gian đánh giá ${period}: ${incidents.map((incident) => `${incident.type} ngày ${vnDate(incident.occurredOn)}`).join('; ')}`;
      return { met: incidents.length === 0, inputs: { ...base, summary, windowFrom: window.from, windowTo: window.to, incidents } };
    }
    case 'EFFECTIVE_MODEL': {
      const fact = facts.effectiveModel;
      const summary =
        fact === null
          ? 'Phân hệ mô hình chưa công bố dữ kiện mô hình hiệu quả của đơn vị cho năm này'
          : fact.hasEffectiveModel
            ? `Có mô hình hoạt động hiệu quả (dữ kiện lần ${fact.revision})`
            : `Không có mô hình hoạt động hiệu quả (dữ kiện lần ${fact.revision})`;
      return { met: fact?.hasEffectiveModel === true, inputs: { ...base, summary, hasEffectiveModel: fact?.hasEffectiveModel ?? null, effectiveModelRevision: fact?.revision ?? null } };
    }
    case 'NO_DISCIPLINED_OFFICER': {
      const record = facts.discipline;
      const summary =
        record === null
          ? 'Chưa ghi nhận dữ kiện kỷ luật Công an xã cho năm này'
          : record.disciplinedOfficers === 0
            ? `Không có cá nhân bị kỷ luật (ghi nhận ngày ${vnDate(record.recordedOn)})`
            : `${record.disciplinedOfficers} cá nhân bị kỷ luật (ghi nhận ngày ${vnDate(record.recordedOn)})`;
      return { met: record !== null && record.disciplinedOfficers === 0, inputs: { ...base, summary, discipline: record } };
    }
    case 'MANAGED_UNITS_R7': {
      // R7 is computed "once the subordinate window is final": a pass counts only when final (the window over and every managed
      // unit decided); before that the criterion is not met, and its inputs say why it is not final yet.
      const rule = facts.communeRule;
      if (rule === null) return { met: false, inputs: { ...base, summary: 'Không tính được: đơn vị không phải là xã vào cuối thời gian đánh giá', communeRule: null } };
      const shares = `${rule.registered}/${rule.managedUnits} đơn vị đăng ký, ${rule.recognised}/${rule.managedUnits} (${rule.recognisedPercent}%) được công nhận`;
      const pending =
        rule.decided < rule.managedUnits
          ? `${rule.managedUnits - rule.decided}/${rule.managedUnits} đơn vị chưa có quyết định công nhận`
          : `thời gian đánh giá của các đơn vị chưa kết thúc (đến ${vnDate(rule.asOf)})`;
      const summary = rule.final ? shares : `${shares}; chưa chốt: ${pending}${rule.passes ? ', chưa tính là đạt' : ''}`;
      return { met: rule.passes && rule.final, inputs: { ...base, summary, communeRule: rule } };
    }
  }
}

/** Every criterion of the rule set as it stands: derived ones from the facts, answered ones from the answers (none: not met). */
export function evaluateCriteria(criteria: readonly CriterionView[], answers: readonly CriterionAnswerView[], facts: DerivedFacts): CriterionResultView[] {
  const answerOf = new Map(answers.map((answer) => [answer.criterionCode, answer]));
  return criteria.map((criterion) => {
    if (criterion.derivation !== null) {
      const { met, inputs } = deriveCriterion(criterion.derivation, facts);
      return { criterion, met, answered: false, selfMet: null, evidence: null, overridden: false, overrideReason: null, inputs };
    }
    const answer = answerOf.get(criterion.code);
    if (!answer) return { criterion, met: false, answered: false, selfMet: null, evidence: null, overridden: false, overrideReason: null, inputs: null };
    return {
      criterion,
      met: answer.met,
      answered: true,
      selfMet: answer.selfMet,
      evidence: answer.evidence,
      overridden: answer.overrideReason !== null,
      overrideReason: answer.overrideReason,
      inputs: null,
    };
  });
}

/** The outcome proposed for recognition: ACHIEVED only when every criterion of the rule set is met. */
export function proposeOutcome(results: readonly CriterionResultView[]): SafeStandardProposalView {
  const failedCriteria = results.filter((result) => !result.met).map((result) => result.criterion.code);
  return {
    outcome: failedCriteria.length === 0 ? 'ACHIEVED' : 'NOT_ACHIEVED',
    failedCriteria,
    unverifiedCriteria: results.filter((result) => !result.criterion.verified).map((result) => result.criterion.code),
  };
}

/** Which derived facts a set of criteria needs (the others are not loaded). */
export function derivationsOf(criteria: readonly CriterionView[]): Set<CriterionDerivation> {
  return new Set(criteria.flatMap((criterion) => (criterion.derivation === null ? [] : [criterion.derivation])));
}
