import { EVENT_CONTRACTS } from '../registry';
import { TOPICS } from '../topics';
import { UnitRenamedV1 } from '../org-units/unit-events';
import { flattenFields, payloadJsonSchema } from './json-schema';
import { ASYNCAPI_PATH, EVENTS_MD_PATH, renderCatalogue } from './render';

describe('renderCatalogue', () => {
  it('renders one JSON Schema per event plus the AsyncAPI document and the catalogue, identically each time', () => {
    const first = renderCatalogue(TOPICS, EVENT_CONTRACTS);
    const second = renderCatalogue(TOPICS, EVENT_CONTRACTS);
    expect([...first.keys()]).toHaveLength(EVENT_CONTRACTS.length + 2);
    expect(first.has('packages/contracts/generated/json-schema/org-units.unit.created.v1.json')).toBe(true);
    expect([...first]).toEqual([...second]);
    expect(first.get(ASYNCAPI_PATH)).toContain('asyncapi: "3.0.0"');
    expect(first.get(EVENTS_MD_PATH)).toContain('### org-units.unit.split.v1');
  });

  it('describes payload fields with their types', () => {
    const rows = flattenFields(payloadJsonSchema(UnitRenamedV1));
    expect(rows.find((row) => row.path === 'change.previousName')).toMatchObject({ type: 'string', required: true });
    expect(rows.find((row) => row.path === 'timeline[].attributes.armedForces')?.type).toBe('boolean or null');
    expect(rows.find((row) => row.path === 'dissolvedOn')?.type).toBe('string (date) or null');
  });
});
