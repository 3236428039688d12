/** The GraphQL operations the tests send, as a client would. */
const RECOGNITION_FIELDS = `id year status statusLabel unit { id } decidingUnit { id } decidedOn recognisedOn reason decisionNumber certificate { number date signer } revision`;

export const DECIDE_SAFE_STANDARD = `mutation($input: DecideRecognitionInput!) { decideSafeStandard(input: $input) { ${RECOGNITION_FIELDS} } }`;

export const REVOKE_SAFE_STANDARD = `mutation($input: RevokeRecognitionInput!) { revokeSafeStandard(input: $input) { status revokedOn recognisedOn decidedOn reason revision revisions { revision status decidedOn revokedOn reason actor actorUnit { id } } } }`;

export const SAFE_STANDARD_DECISIONS = `query($year: Int!, $decidingUnitId: ID) { safeStandardDecisions(year: $year, decidingUnitId: $decidingUnitId) { ${RECOGNITION_FIELDS} } }`;

/** `Unit.safeStandard` as the gateway fetches it from this subgraph for a unit org-units resolved. */
export const UNIT_SAFE_STANDARD = `query($representations: [_Any!]!, $year: Int!) { _entities(representations: $representations) { ... on Unit { id safeStandard(year: $year) { ${RECOGNITION_FIELDS} } } } }`;

const ASSESSMENT_FIELDS = `id year status statusLabel unit { id } reviewingUnit { id } submittedOn returnReason approvedOn revision
  ruleSet { code bandsVerified } scores { itemCode selfScore score evidence } totalScore proposedClassification overdue reviewDeadline reviewPlan { code }
  history { action itemCode before after fromStatus toStatus actor actorUnit { id } reason criterionCode beforeMet afterMet at }
  reviewChain { position level { id } status statusLabel current decidedOn actor deadline overdue }`;

export const CRITERIA_FIELDS = `criteria { criterion { code source sourceLabel verified derivation derivationLabel } met answered selfMet evidence overridden overrideReason derived
    inputs { derivation summary windowFrom windowTo incidents { id type } hasEffectiveModel effectiveModelRevision discipline { disciplinedOfficers recordedBy } communeRule { managedUnits registered recognised passes } } }
  safeStandardProposal { outcome outcomeLabel failedCriteria unverifiedCriteria }`;
export const ASSESSMENT_CRITERIA = `query($id: ID!) { assessment(id: $id) { id status ${CRITERIA_FIELDS} } }`;
export const OVERRIDE_CRITERION = `mutation($input: OverrideCriterionInput!) { overrideCriterion(input: $input) { id revision history { action criterionCode beforeMet afterMet actor reason } ${CRITERIA_FIELDS} } }`;
export const RECORD_DISCIPLINE = `mutation($input: RecordCommunePoliceDisciplineInput!) { recordCommunePoliceDiscipline(input: $input) { id commune { id } year disciplinedOfficers recordedOn note recordedBy recordedByUnit { id } at } }`;
export const RECORD_INCIDENT = `mutation($input: RecordIncidentInput!) { recordIncident(input: $input) { id } }`;
const EVIDENCE_FIELDS = `id itemCode criterionCode fileName contentType sizeBytes sha256 uploadedBy at`;
export const ATTACH_EVIDENCE = `mutation($input: AttachEvidenceInput!) { attachEvidence(input: $input) { ${EVIDENCE_FIELDS} } }`;
export const EVIDENCE_FILE = `query($id: ID!) { evidenceFile(id: $id) { ${EVIDENCE_FIELDS} contentBase64 } }`;
export const ASSESSMENT_EVIDENCE = `query($id: ID!) { assessment(id: $id) { id evidenceFiles { ${EVIDENCE_FIELDS} } } }`;

export const SUBMIT_ASSESSMENT = `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { ${ASSESSMENT_FIELDS} } }`;
export const RESCORE_ASSESSMENT = `mutation($input: RescoreAssessmentInput!) { rescoreAssessment(input: $input) { ${ASSESSMENT_FIELDS} } }`;
export const RETURN_ASSESSMENT = `mutation($input: ReturnAssessmentInput!) { returnAssessment(input: $input) { ${ASSESSMENT_FIELDS} } }`;
export const APPROVE_ASSESSMENT = `mutation($input: ApproveAssessmentInput!) { approveAssessment(input: $input) { ${ASSESSMENT_FIELDS} } }`;
export const ASSESSMENT = `query($id: ID!) { assessment(id: $id) { ${ASSESSMENT_FIELDS} } }`;
export const RULE_SETS = `query($unitKind: String, $year: Int) { ruleSets(provinceCode: "TB", unitKind: $unitKind, year: $year) { code unitKind fromYear windowStart windowEnd deadline bandsVerified precondition bands { classification minScore } items { code maxPoints condition } criteria { code position source reference text verified derivation } } }`;

export const RULE_SET_REVIEW_PLANS = `query($year: Int, $track: RuleSetTrack) { ruleSets(provinceCode: "TB", year: $year, track: $track) { code unitKind track items { code maxPoints }
  reviewPlan(year: $year) { code unitKind fromYear toYear verified source levels { position levelKind levelKindLabel deadline final } } } }`;

/** `Unit.classification` and `Unit.assessments` as the gateway fetches them from this subgraph. */
export const UNIT_CLASSIFICATION = `query($representations: [_Any!]!, $year: Int!) { _entities(representations: $representations) { ... on Unit { id classification(year: $year) { classification classificationLabel score ruleSetVersion decidingUnit { id } decidedOn decisionNumber revision assessment { id totalScore } } assessments { id year status } } } }`;

export const WHAT_IF = `query($assessmentId: ID!, $ruleSetCode: String!) { whatIf(assessmentId: $assessmentId, ruleSetCode: $ruleSetCode) { ruleSet { code } items { itemCode maxPoints score scored } totalScore classification assessment { id status } } }`;

export const CORRECT_CLASSIFICATION = `mutation($input: CorrectClassificationInput!) { correctClassification(input: $input) { classification score revision decidedOn revisions { revision classification score decidedOn decisionNumber reason actor actorUnit { id } } } }`;

export const REVIEW_QUEUE = `query($year: Int!, $overdueOnly: Boolean, $levelKinds: [String!], $unitKinds: [UnitKind!], $first: Int, $after: String) {
  reviewQueue(year: $year, overdueOnly: $overdueOnly, levelKinds: $levelKinds, unitKinds: $unitKinds, first: $first, after: $after) {
  totalCount endCursor hasNextPage
  entries { assessment { id status } unit { id } unitKind level { id } levelKind levelKindLabel position deadline overdue daysOverdue daysLeft deadlineLabel } } }`;

/** {@link REVIEW_QUEUE} without `totalCount`: the page only (no count runs). */
export const REVIEW_QUEUE_WITHOUT_TOTAL = `query($year: Int!, $overdueOnly: Boolean, $levelKinds: [String!], $unitKinds: [UnitKind!], $first: Int, $after: String) {
  reviewQueue(year: $year, overdueOnly: $overdueOnly, levelKinds: $levelKinds, unitKinds: $unitKinds, first: $first, after: $after) {
  endCursor hasNextPage
  entries { assessment { id status } unit { id } unitKind level { id } levelKind levelKindLabel position deadline overdue daysOverdue daysLeft deadlineLabel } } }`;

export const WHAT_IF_CRITERIA = `query($assessmentId: ID!, $ruleSetCode: String!) { whatIf(assessmentId: $assessmentId, ruleSetCode: $ruleSetCode) {
  ruleSet { code } meetsSafeStandardNow meetsSafeStandardWhatIf safeStandardNowLabel safeStandardWhatIfLabel unansweredCriteria failedCriteria
  criteria { criterion { code derivation } met answered derived selfMet overridden overrideReason inputs { derivation summary windowFrom windowTo } } } }`;

export const WHAT_IF_YEAR_SAFE_STANDARD = `query($input: WhatIfYearInput!, $first: Int, $after: String) { whatIfYear(input: $input) {
  assessments meetingSafeStandard meetingSafeStandardWhatIf
  safeStandardDifferences(first: $first, after: $after) { totalCount endCursor hasNextPage units {
    unit { id } unitCode unitKind ruleSetCode meetsSafeStandardNow meetsSafeStandardWhatIf safeStandardNowLabel safeStandardWhatIfLabel failedCriteriaNow failedCriteria unansweredCriteria } } } }`;
