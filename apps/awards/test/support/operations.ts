const NOMINATION = `id status statusLabel formCode unit { id } legalGround closingReason decisionNumber
  eligibility { eligible stage failed { name fact actual } }
  dossier { complete } history { fromStatus toStatus actor reason }`;

export const SET_SCHEME = `mutation($input: SetAwardSchemeInput!) { setAwardScheme(input: $input) { campaignId version forms { form { code name bonusMultiple } quota used collectiveConditions { name fact op value } } } }`;
export const CREATE = `mutation($input: CreateNominationInput!) { createNomination(input: $input) { ${NOMINATION} } }`;
export const SUBMIT = `mutation($id: ID!) { submitNomination(id: $id) { ${NOMINATION} } }`;
export const RECEIVE = `mutation($id: ID!) { receiveNomination(id: $id) { id status } }`;
export const APPRAISE = `mutation($id: ID!, $eligible: Boolean!, $reason: String) { appraiseNomination(id: $id, eligible: $eligible, reason: $reason) { id status } }`;
export const COUNCIL = `mutation($id: ID!) { reviewNominationInCouncil(id: $id, votesFor: 9, votesAgainst: 1, votesAbstain: 1) { id status } }`;
export const DECIDE = `mutation($input: DecideNominationInput!) { decideNomination(input: $input) { ${NOMINATION} } }`;
export const RETURN = `mutation($id: ID!, $reason: String!) { returnNomination(id: $id, reason: $reason) { ${NOMINATION} } }`;
export const NOMINATION_QUERY = `query($id: ID!) { nomination(id: $id) { ${NOMINATION} } }`;
export const FORMS = `query($on: Date) { awardForms(on: $on) { code name issuingAuthority recipientKinds bonusMultiple validFrom validTo } }`;
export const ENTITIES = `query($reps: [_Any!]!, $campaignId: ID!) { _entities(representations: $reps) {
  ... on Unit { id awards { id formCode decisionNumber } eligibility(campaignId: $campaignId) { formCode eligible failed { name fact actual } } }
  ... on Campaign { id awardSummary { campaignId nominations forms { formCode quota decided pending rejected } } } } }`;

export const COMPLETE_DOSSIER = {
  submissionRef: 'TTr 12/TTr-UBND',
  achievementReportRef: 'BC thành tích 2024',
  councilMinutesRef: 'BB họp Hội đồng TĐKT huyện',
  councilVotesFor: 9,
  councilVotesAgainst: 0,
  evidenceRefs: ['QĐ công nhận đạt chuẩn an toàn về ANTT'],
};
