/** JSON-compatible value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_.$-]*$/;
const RESERVED = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', '~']);

function key(name: string): string {
  return PLAIN_KEY.test(name) && !RESERVED.has(name.toLowerCase()) ? name : JSON.stringify(name);
}

function scalar(value: string | number | boolean | null): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function isScalar(value: JsonValue): value is string | number | boolean | null {
  return value === null || typeof value !== 'object';
}

function isEmpty(value: JsonValue): boolean {
  return Array.isArray(value) ? value.length === 0 : typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

function inline(value: JsonValue): string {
  if (isScalar(value)) return scalar(value);
  return Array.isArray(value) ? '[]' : '{}';
}

function lines(value: JsonValue, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (isScalar(item) || isEmpty(item)) return [`${indent}- ${inline(item)}`];
      const [first, ...rest] = lines(item, `${indent}  `);
      return [`${indent}- ${(first ?? '').trimStart()}`, ...rest];
    });
  }
  if (value === null || typeof value !== 'object') return [`${indent}${scalar(value)}`];
  return Object.entries(value).flatMap(([name, item]) =>
    isScalar(item) || isEmpty(item)
      ? [`${indent}${key(name)}: ${inline(item)}`]
      : [`${indent}${key(name)}:`, ...lines(item, `${indent}  `)],
  );
}

/**
 * Serialises JSON data as block-style YAML 1.2. Every string is double-quoted (JSON escapes are valid YAML), so the
 * output needs no quoting heuristics and is byte-stable for the same input.
 */
export function toYaml(value: JsonValue): string {
  if (isScalar(value) || isEmpty(value)) return `${inline(value)}\n`;
  return `${lines(value, '').join('\n')}\n`;
}
