/** The GraphQL operations the integration tests send through the gateway. */
export const CAMPAIGN_FIELDS = `id title legalBases ownerUnitId scopeUnitId parentCampaignId periodStart periodEnd status statusLabel revision`;

export const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`;
export const LAUNCH_CAMPAIGN = `mutation($id: ID!, $reason: String) { launchCampaign(id: $id, reason: $reason) { ${CAMPAIGN_FIELDS} } }`;
export const CLOSE_CAMPAIGN = `mutation($id: ID!, $reason: String!) { closeCampaign(id: $id, reason: $reason) { ${CAMPAIGN_FIELDS} } }`;
export const SET_DEADLINE = `mutation($input: SetDeadlineInput!) { setCampaignDeadline(input: $input) { id revision } }`;
export const SET_TARGET = `mutation($input: SetTargetInput!) { setCampaignTarget(input: $input) { id revision } }`;
export const CAMPAIGN = `query($id: ID!) { campaign(id: $id) {
  ${CAMPAIGN_FIELDS}
  history { from to toLabel actor on reason }
  calendar { code label dueOn unitKinds inherited overdue }
  targets { code label indicator unitKinds levels comparator threshold inherited }
  childCampaigns { id }
} }`;
export const CALENDAR_FOR = `query($id: ID!, $kind: UnitKind) { campaign(id: $id) { calendar(unitKind: $kind) { code dueOn } } }`;
export const REGISTRATION_FIELDS = `id campaignId unitId unitKind forSafeStandard forClassification registeredOn late status statusLabel submittedByUnitId withdrawnOn withdrawReason`;
export const REGISTER_UNIT = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { ${REGISTRATION_FIELDS} } }`;
export const REGISTER_UNITS = `mutation($input: RegisterUnitsInput!) { registerUnits(input: $input) { ${REGISTRATION_FIELDS} } }`;
export const WITHDRAW = `mutation($input: WithdrawRegistrationInput!) { withdrawRegistration(input: $input) { ${REGISTRATION_FIELDS} } }`;
export const SUMMARY = `query($id: ID!, $unitId: ID, $asOf: Date, $states: [RegistrationState!]) { campaign(id: $id) { registrationSummary(unitId: $unitId, asOf: $asOf) {
  unitId asOf deadline expected registered late missing percent
  byKind { kind expected registered late missing }
  rows(states: $states, first: 1000) { unitId code name kind state stateLabel unit { id registration(campaignId: $id) { late campaignId } } }
} } }`;
