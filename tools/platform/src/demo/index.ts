export { thaiBinhTree } from './thai-binh';
export { nationalTree, type NationalTreeOptions } from './national';
export { findTreeProblems, ALLOWED_PARENT_KINDS, MANAGING_KINDS } from './tree-invariants';
export { serializeRows, toCsv, formatFromPath, type RowFormat } from './serialize';
export { thaiBinhGazetteer, type ThaiBinhGazetteer, type NameSource } from './thai-binh-gazetteer';
export {
  importRow,
  IMPORT_ROW_FIELDS,
  UNIT_KINDS,
  ENTERPRISE_SIZES,
  SCHOOL_LEVELS,
  DEMO_EFFECTIVE_FROM,
  type ImportRow,
  type RowInput,
  type UnitKind,
  type EnterpriseSize,
  type SchoolLevel,
} from './import-row';
export {
  thaiBinhReform,
  HUNG_YEN_PROVINCE,
  REFORM_DATE,
  REFORM_NAME,
  REFORM_LEGAL_BASIS,
  REFORM_ABOLISHED_KINDS,
} from './thai-binh-reform';
