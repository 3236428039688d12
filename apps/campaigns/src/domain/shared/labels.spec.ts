import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { ENUM_LABELS } from './labels';

describe('Vietnamese labels', () => {
  it('every value of every enum of the schema has a label', () => {
    const schema = parse(readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8'));
    const enums = schema.definitions.flatMap((definition) =>
      definition.kind === Kind.ENUM_TYPE_DEFINITION ? [[definition.name.value, (definition.values ?? []).map((value) => value.name.value)] as const] : [],
    );
    expect(enums.map(([name]) => name)).toEqual(expect.arrayContaining(['PledgeSignerKind', 'PledgeStatus', 'PersonalDataAccess']));
    for (const [name, values] of enums) {
      const labels = (ENUM_LABELS as Record<string, Record<string, string>>)[name];
      expect({ name, missing: values.filter((value) => !labels?.[value]) }).toEqual({ name, missing: [] });
    }
  });
});
