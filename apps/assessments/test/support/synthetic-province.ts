import { randomUUID } from 'node:crypto';
import { fixtureUnit } from '@antt/testing';
import { type UnitState } from '@antt/unit-directory';
import { draw } from '../../src/demo/load-demo';

/**
 * The first code `prefix-NN` whose recognition draw satisfies `wanted` and whose incident draw is `incident` or not, so the
 * synthetic province meets every branch of the demo exactly as planned.
 */
function codeWhere(prefix: string, wanted: (roll: number) => boolean, used: Set<string>, incident = false): string {
  for (let n = 1; n < 5000; n += 1) {
    const code = `${prefix}-${String(n).padStart(2, '0')}`;
    if (!used.has(code) && wanted(draw(code, 'recognition')) && draw(code, 'incident') < 15 === incident) {
      used.add(code);
      return code;
    }
  }
  throw new Error(`no code for ${prefix}`);
}

/**
 * A small synthetic province: 2 districts, 3 communes; commune A has 6 residential areas (one with an incident in its window, one
 * refused, the others recognised) and a lower-secondary school, all registered; commune B has 4 areas and an agency, one area
 * left unregistered (B fails R7's 100% condition); commune C has 3 areas; with `pendingCommune`, commune D has 4 areas, one of them
 * left pending by the committee (D's R7 passes on its share but is not final). A primary school (out of scope) is registered too.
 */
export function syntheticProvince(options: { pendingCommune?: boolean } = {}) {
  const used = new Set<string>();
  const id = () => randomUUID();
  const unit = (unitId: string, code: string, kind: string, parentId: string | null, attributes = {}) => fixtureUnit(unitId, code, kind, code, parentId, attributes);
  const province = id();
  const [d1, d2, a, b, c, d] = [id(), id(), id(), id(), id(), id()];
  const states: UnitState[] = [
    unit(province, 'TB', 'PROVINCE', null),
    unit(d1, 'TB-D1', 'DISTRICT', province),
    unit(d2, 'TB-D2', 'DISTRICT', province),
    unit(a, codeWhere('TB-D1-A', (r) => r >= 120, used), 'COMMUNE', d1),
    unit(b, codeWhere('TB-D1-B', (r) => r >= 120, used), 'COMMUNE', d1),
    unit(c, codeWhere('TB-D2-C', (r) => r >= 120, used), 'COMMUNE', d2),
  ];
  const registered: string[] = [a, b, c];
  if (options.pendingCommune) {
    states.push(unit(d, codeWhere('TB-D2-D', (r) => r >= 120, used), 'COMMUNE', d2));
    registered.push(d);
  }
  const add = (code: string, kind: string, parentId: string, register = true, attributes = {}) => {
    const unitId = id();
    states.push(unit(unitId, code, kind, parentId, attributes));
    if (register) registered.push(unitId);
    return unitId;
  };
  // Commune A: an incident area, a refused one (no incident), four recognised (none revoked), a school.
  const incidentArea = add(codeWhere('TB-A-T', () => true, used, true), 'RESIDENTIAL_AREA', a);
  // Refused by the committee although every criterion is met (recognition draw 100–119), so that it can be corrected.
  const refusedCode = codeWhere('TB-A-T', (r) => r >= 100 && r < 120, used);
  const refused = add(refusedCode, 'RESIDENTIAL_AREA', a);
  for (let n = 0; n < 4; n += 1) add(codeWhere('TB-A-T', (r) => r >= 130, used), 'RESIDENTIAL_AREA', a);
  add(codeWhere('TB-A-S', (r) => r >= 130, used), 'SCHOOL', a, true, { schoolLevel: 'LOWER_SECONDARY' });
  add('TB-A-TH', 'SCHOOL', a, true, { schoolLevel: 'PRIMARY' });
  // Commune B: one area not registered.
  for (let n = 0; n < 3; n += 1) add(codeWhere('TB-B-T', (r) => r >= 130, used), 'RESIDENTIAL_AREA', b);
  const unregistered = add(codeWhere('TB-B-T', () => true, used), 'RESIDENTIAL_AREA', b, false);
  const agency = add(codeWhere('TB-B-CQ', (r) => r >= 130, used), 'AGENCY', b);
  // Commune C: three recognised areas.
  for (let n = 0; n < 3; n += 1) add(codeWhere('TB-C-T', (r) => r >= 130, used), 'RESIDENTIAL_AREA', c);
  // Commune D: three recognised areas and one left pending (recognition draw below 60): R7's share passes (3/4) but is not final.
  let pendingArea: string | null = null;
  if (options.pendingCommune) {
    for (let n = 0; n < 3; n += 1) add(codeWhere('TB-D-T', (r) => r >= 130, used), 'RESIDENTIAL_AREA', d);
    pendingArea = add(codeWhere('TB-D-T', (r) => r < 60, used), 'RESIDENTIAL_AREA', d);
  }
  return { states, registered, id: { province, d1, a, b, c, d, agency, incidentArea, refused, unregistered, pendingArea }, codes: { refused: refusedCode } };
}
