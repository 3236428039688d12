import { z } from 'zod';
import { type EventContract } from '../define-event';
import { type JsonValue } from './yaml';

/** A JSON Schema document as plain JSON. */
export type JsonSchema = { [key: string]: JsonValue };

/**
 * The JSON Schema (2020-12) of an event's payload. Input mode, so no `additionalProperties: false`: a consumer
 * validating with it keeps accepting payloads that gain optional fields within the same version.
 */
export function payloadJsonSchema(contract: EventContract): JsonSchema {
  const { $schema, ...body } = z.toJSONSchema(contract.payload, { io: 'input' }) as JsonSchema;
  return {
    $schema: $schema ?? 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:antt:event:${contract.fullType}`,
    title: contract.fullType,
    description: contract.description,
    ...body,
  };
}

/** The envelope's JSON Schema (without `$schema`), `data` left open. */
export function envelopeJsonSchema(envelope: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...body } = z.toJSONSchema(envelope, { io: 'input' }) as JsonSchema;
  return body;
}

/** One row of a flattened payload description. */
export interface FieldRow {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

function asSchema(value: JsonValue | undefined): JsonSchema | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function describeType(schema: JsonSchema): { type: string; nullable: boolean } {
  const anyOf = Array.isArray(schema['anyOf']) ? schema['anyOf'].map(asSchema).filter((s) => s !== undefined) : undefined;
  if (anyOf) {
    const nonNull = anyOf.filter((s) => s['type'] !== 'null');
    const nullable = nonNull.length < anyOf.length;
    return { type: nonNull.map((s) => describeType(s).type).join(' or '), nullable };
  }
  if (Array.isArray(schema['type'])) {
    const types = schema['type'].map(String);
    return { type: types.filter((t) => t !== 'null').join(' or '), nullable: types.includes('null') };
  }
  if (Array.isArray(schema['enum'])) return { type: schema['enum'].map((v) => `\`${String(v)}\``).join(', '), nullable: false };
  if (schema['const'] !== undefined) return { type: `\`${JSON.stringify(schema['const'])}\``, nullable: false };
  const type = typeof schema['type'] === 'string' ? schema['type'] : 'any';
  if (type === 'string' && typeof schema['format'] === 'string') return { type: `string (${schema['format']})`, nullable: false };
  if (type === 'integer' && typeof schema['minimum'] === 'number') return { type: `integer ≥ ${schema['minimum']}`, nullable: false };
  if (type === 'array') {
    const items = asSchema(schema['items']);
    const min = typeof schema['minItems'] === 'number' ? `, at least ${schema['minItems']}` : '';
    return { type: `array of ${items ? describeType(items).type : 'any'}${min}`, nullable: false };
  }
  return { type, nullable: false };
}

function objectOf(schema: JsonSchema): JsonSchema | undefined {
  if (schema['type'] === 'object') return schema;
  if (schema['type'] === 'array') {
    const items = asSchema(schema['items']);
    return items?.['type'] === 'object' ? items : undefined;
  }
  return undefined;
}

/** Flattens an object schema to `a.b`, `list[].c` rows, in declaration order. */
export function flattenFields(schema: JsonSchema, prefix = ''): FieldRow[] {
  const properties = asSchema(schema['properties']) ?? {};
  const required = new Set(Array.isArray(schema['required']) ? schema['required'].map(String) : []);
  return Object.entries(properties).flatMap(([name, raw]) => {
    const field = asSchema(raw) ?? {};
    const path = `${prefix}${name}`;
    const { type, nullable } = describeType(field);
    const row: FieldRow = {
      path,
      type: nullable ? `${type} or null` : type,
      required: required.has(name),
      description: typeof field['description'] === 'string' ? field['description'] : '',
    };
    const nested = objectOf(field);
    const nestedPrefix = field['type'] === 'array' ? `${path}[].` : `${path}.`;
    return nested ? [row, ...flattenFields(nested, nestedPrefix)] : [row];
  });
}
