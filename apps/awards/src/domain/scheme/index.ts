export * from './eligibility';
export { SchemeService, loadScheme, type SchemeFormView, type SchemeView, type SetSchemeInput } from './scheme.service';
