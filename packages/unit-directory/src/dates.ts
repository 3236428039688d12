/** Normalises a date or an ISO date string to the `YYYY-MM-DD` form the directory compares on. */
export function toIsoDate(value: Date | string): string {
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    const parsed = new Date(value);
    if (Number.isNaN(parsed.getTime())) throw new RangeError(`Not a date: ${value}`);
    return parsed.toISOString().slice(0, 10);
  }
  return value.toISOString().slice(0, 10);
}
