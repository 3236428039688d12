/** The GraphQL operations the integration tests send through the gateway. */
export const MODEL_FIELDS = `id name type { code name } hostUnitId foundedOn description status statusLabel statusOn statusReason dissolutionProposedOn revision
  replicatedFrom { id } dissolutionDecision { number date decidedByUnitId }`;

export const CREATE_MODEL = `mutation($input: CreateModelInput!) { createModel(input: $input) { ${MODEL_FIELDS} } }`;
export const REPLICATE_MODEL = `mutation($input: ReplicateModelInput!) { replicateModel(input: $input) { ${MODEL_FIELDS} } }`;
export const REVIEW_MODEL = `mutation($input: ReviewModelInput!) { reviewModel(input: $input) {
  id year windowStart windowEnd rating ratingLabel criteriaSetCode criteriaVersion criteriaMet reviewerUnitId hostUnitId reviewedOn evidence reason actor current
} }`;
export const SUSPEND_MODEL = `mutation($input: SuspendModelInput!) { suspendModel(input: $input) { ${MODEL_FIELDS} } }`;
export const DISSOLVE_MODEL = `mutation($input: DissolveModelInput!) { dissolveModel(input: $input) { ${MODEL_FIELDS} } }`;
export const MODEL = `query($id: ID!) { model(id: $id) {
  ${MODEL_FIELDS}
  replicas { id hostUnitId name }
  history { from to toLabel actor on reason }
  hostHistory { fromUnitId toUnitId effectiveOn }
  reviews { year rating current }
} }`;
export const MODELS = `query($unitId: ID, $status: ModelStatus) { models(unitId: $unitId, status: $status) { id name hostUnitId status } }`;
export const UNIT_MODELS = `query($reps: [_Any!]!, $year: Int!) { _entities(representations: $reps) { ... on Unit { id models { id name status } hasEffectiveModel(year: $year) } } }`;
export const CATALOGUE = `{ modelTypes { code name active } modelReviewCriteria { code version criteria { code label } source } modelLabels { enum value label } }`;
export const ADD_SITE = `mutation($input: AddModelSiteInput!) { addModelSite(input: $input) { id unitId name openedOn closedOn } }`;
export const ADD_TEAM = `mutation($input: AddModelTeamInput!) { addModelTeam(input: $input) { id siteId name memberCount formedOn members { fullName role } } }`;
export const RECORD_TRAINING = `mutation($input: RecordTrainingInput!) { recordModelTraining(input: $input) { id heldOn content trainer participants } }`;
export const RECOGNISE_EXAMPLE = `mutation($input: RecogniseAdvancedExampleInput!) { recogniseAdvancedExample(input: $input) {
  id kind kindLabel name unitId model { id } achievement recognisedByUnitId recognisedOn decisionNumber
} }`;
export const EXAMPLES = `query($unitId: ID, $year: Int) { advancedExamples(unitId: $unitId, year: $year) { id name kind } }`;
export const MODEL_REGISTERS = `query($id: ID!, $asOf: Date) { model(id: $id) {
  id sites { name unitId openedOn } teams { name memberCount members { fullName role } }
  trainings { heldOn participants } lastTrainingOn(asOf: $asOf) trainingOverdue(asOf: $asOf)
} }`;
const COUNTS = `models modelRecords sites teams members trainings effective lessEffective ineffective notReviewed trainingOverdue`;
export const STATISTICS = `query($unitId: ID, $asOf: Date, $year: Int) { modelStatistics(unitId: $unitId, asOf: $asOf, year: $year) {
  unitId asOf year totals { ${COUNTS} } byHostKind { kind kindLabel counts { ${COUNTS} } } byChild { unitId code name kind counts { ${COUNTS} } }
} }`;
export const DEFINE_TYPE = `mutation($input: DefineModelTypeInput!) { defineModelType(input: $input) { code name description active } }`;
export const RESUME_MODEL = `mutation($input: ResumeModelInput!) { resumeModel(input: $input) { ${MODEL_FIELDS} } }`;
export const CLOSE_SITE = `mutation($input: CloseModelSiteInput!) { closeModelSite(input: $input) { id unitId name openedOn closedOn } }`;
export const DISBAND_TEAM = `mutation($input: DisbandModelTeamInput!) { disbandModelTeam(input: $input) { id name memberCount formedOn disbandedOn } }`;
export const UPDATE_TEAM_MEMBERS = `mutation($input: UpdateModelTeamMembersInput!) { updateModelTeamMembers(input: $input) { id memberCount formedOn members { fullName role } } }`;
export const WINDOW_RULE_FIELDS = `id provinceId scopeLabel unitKinds appliesToOtherKinds unitKindsLabel startMonth startDay startYearOffset endMonth endDay label validFromYear validToYear reason createdBy
  history { action validToYearBefore validToYearAfter actor reason }`;
export const WINDOW_RULES = `query($kind: String, $year: Int, $provinceId: ID) { evaluationWindowRules(kind: $kind, year: $year, provinceId: $provinceId) { ${WINDOW_RULE_FIELDS} } }`;
export const EVALUATION_WINDOW = `query($kind: String!, $year: Int!) { evaluationWindow(kind: $kind, year: $year) { kind year start end rule { id validFromYear } } }`;
export const UNIT_WINDOW = `query($unitId: ID!, $year: Int!) { evaluationWindow(unitId: $unitId, year: $year) { kind year provinceId start end rule { id provinceId } } }`;
export const ADD_WINDOW_RULE = `mutation($input: AddEvaluationWindowRuleInput!) { addEvaluationWindowRule(input: $input) { ${WINDOW_RULE_FIELDS} } }`;
