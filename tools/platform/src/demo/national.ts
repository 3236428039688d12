import { ordinal } from './ascii-code';
import { importRow, type ImportRow } from './import-row';
import { seededRandom, type Random } from './random';
import { PLACE_NAMES, placeNameAt, PROVINCE_NAMES } from './vietnamese-names';

/** Size of the synthetic national tree. */
export interface NationalTreeOptions {
  provinces?: number;
  communes?: number;
  residentialAreas?: number;
}

/** Vietnam had about 705 district-level units for 10,600 communes before 2025: about 15 communes each. */
const COMMUNES_PER_DISTRICT = 14.5;

function share(total: number, parts: number, index: number): number {
  return Math.floor((total * (index + 1)) / parts) - Math.floor((total * index) / parts);
}

function requireCount(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new Error(`${name} must be an integer of at least ${minimum}, got ${value}`);
  }
}

interface CommuneSlot {
  districtCode: string;
  place: string;
  position: number;
  communeCount: number;
  urbanDistrict: boolean;
  areaCount: number;
}

function addCommune(rows: ImportRow[], random: Random, slot: CommuneSlot): void {
  const { districtCode, place, position, communeCount, urbanDistrict, areaCount } = slot;
  const code = `${districtCode}-${ordinal('C', position + 1, communeCount)}`;
  const type = urbanDistrict ? 'Phường' : position === 0 ? 'Thị trấn' : 'Xã';
  const communeType = type === 'Phường' ? 'PHUONG' : type === 'Thị trấn' ? 'THI_TRAN' : 'XA';
  rows.push(importRow({ code, kind: 'COMMUNE', name: `${type} ${place}`, parentCode: districtCode, communeType }));
  const villageOffset = random.int(0, PLACE_NAMES.length - 1);
  for (let area = 0; area < areaCount; area += 1) {
    const name = type === 'Xã' ? `Thôn ${placeNameAt(villageOffset, area)}` : `Tổ dân phố ${area + 1}`;
    rows.push(
      importRow({
        code: `${code}-${ordinal('R', area + 1, areaCount)}`,
        kind: 'RESIDENTIAL_AREA',
        name,
        parentCode: code,
        residentHouseholds: random.int(80, 600),
      }),
    );
  }
}

/**
 * A synthetic national-size tree for the bulk-import benchmark: provinces, districts (about 15 communes each),
 * communes and residential areas spread evenly, with plausible Vietnamese names (real province names for the
 * first 63). Deterministic for given options; parents come before children. Around 110,000 rows by default.
 */
export function nationalTree({
  provinces = 63,
  communes = 10_000,
  residentialAreas = 100_000,
}: NationalTreeOptions = {}): ImportRow[] {
  requireCount('provinces', provinces, 1);
  requireCount('communes', communes, 0);
  requireCount('residentialAreas', residentialAreas, 0);
  if (residentialAreas > 0 && communes === 0) throw new Error('residential areas need at least one commune');
  const random = seededRandom(`national:${provinces}:${communes}:${residentialAreas}`);
  const districtsPerProvince = Math.max(1, Math.round(communes / provinces / COMMUNES_PER_DISTRICT));
  const districtTotal = provinces * districtsPerProvince;
  const rows: ImportRow[] = [];
  let communeIndex = 0;
  for (let p = 0; p < provinces; p += 1) {
    const provinceCode = ordinal('P', p + 1, provinces);
    const provinceName = PROVINCE_NAMES[p] ?? `Tỉnh ${placeNameAt(p, 0)}`;
    rows.push(importRow({ code: provinceCode, kind: 'PROVINCE', name: provinceName, parentCode: null }));
    const districtOffset = random.int(0, PLACE_NAMES.length - 1);
    for (let d = 0; d < districtsPerProvince; d += 1) {
      const districtCode = `${provinceCode}-${ordinal('D', d + 1, districtsPerProvince)}`;
      const urban = d === 0;
      const districtName = `${urban ? 'Thành phố' : 'Huyện'} ${placeNameAt(districtOffset, d)}`;
      rows.push(importRow({ code: districtCode, kind: 'DISTRICT', name: districtName, parentCode: provinceCode }));
      const communeCount = share(communes, districtTotal, p * districtsPerProvince + d);
      const communeOffset = random.int(0, PLACE_NAMES.length - 1);
      for (let c = 0; c < communeCount; c += 1) {
        const areaCount = share(residentialAreas, communes, communeIndex);
        addCommune(rows, random, {
          districtCode,
          place: placeNameAt(communeOffset, c),
          position: c,
          communeCount,
          urbanDistrict: urban,
          areaCount,
        });
        communeIndex += 1;
      }
    }
  }
  return rows;
}
