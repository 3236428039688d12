export * from './eligibility';
export { SchemeService, loadScheme, type ConditionInput, type SchemeFormView, type SchemeView, type SetSchemeInput } from './scheme.service';
