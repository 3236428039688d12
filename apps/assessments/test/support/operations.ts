/** The GraphQL operations the tests send, as a client would. */
const RECOGNITION_FIELDS = `id year status statusLabel unit { id } decidingUnit { id } decidedOn recognisedOn reason decisionNumber certificate { number date signer } revision`;

export const DECIDE_SAFE_STANDARD = `mutation($input: DecideRecognitionInput!) { decideSafeStandard(input: $input) { ${RECOGNITION_FIELDS} } }`;

export const SAFE_STANDARD_DECISIONS = `query($year: Int!, $decidingUnitId: ID) { safeStandardDecisions(year: $year, decidingUnitId: $decidingUnitId) { ${RECOGNITION_FIELDS} } }`;

/** `Unit.safeStandard` as the gateway fetches it from this subgraph for a unit org-units resolved. */
export const UNIT_SAFE_STANDARD = `query($representations: [_Any!]!, $year: Int!) { _entities(representations: $representations) { ... on Unit { id safeStandard(year: $year) { ${RECOGNITION_FIELDS} } } } }`;
