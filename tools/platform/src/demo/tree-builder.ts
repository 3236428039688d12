import { importRow, type ImportRow, type RowInput } from './import-row';

/** Collects rows in insertion order and refuses a code or an enterprise name used twice. */
export class TreeBuilder {
  readonly rows: ImportRow[] = [];
  private readonly codes = new Set<string>();
  private readonly enterpriseNames = new Set<string>();

  add(input: RowInput): ImportRow {
    if (this.codes.has(input.code)) throw new Error(`duplicate unit code ${input.code}`);
    this.codes.add(input.code);
    const row = importRow(input);
    this.rows.push(row);
    return row;
  }

  /** Reserves an enterprise name; false if another enterprise of the tree already has it. */
  claimEnterpriseName(name: string): boolean {
    if (this.enterpriseNames.has(name)) return false;
    this.enterpriseNames.add(name);
    return true;
  }
}
