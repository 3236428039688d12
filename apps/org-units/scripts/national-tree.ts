import { type ImportRow } from '../src/import';

/**
 * A synthetic national-size tree: `provinces` provinces, each with districts, communes and residential areas, in
 * shuffled order (so that the importer has to sort it). Defaults give about 10,000 communes and 100,000 residential areas.
 */
export function nationalTree(provinces = 63, districtsPerProvince = 11, communesPerDistrict = 14, areasPerCommune = 10): ImportRow[] {
  const rows: ImportRow[] = [];
  for (let p = 0; p < provinces; p++) {
    const pc = `P${p}`;
    rows.push({ code: pc, kind: 'PROVINCE', name: `Tỉnh Số ${p}` });
    for (let d = 0; d < districtsPerProvince; d++) {
      const dc = `${pc}-D${d}`;
      rows.push({ code: dc, kind: 'DISTRICT', name: `Huyện Đông Hưng ${p}-${d}`, parentCode: pc });
      for (let c = 0; c < communesPerDistrict; c++) {
        const cc = `${dc}-C${c}`;
        rows.push({ code: cc, kind: 'COMMUNE', name: `Xã Vũ Hội ${p}-${d}-${c}`, parentCode: dc });
        for (let a = 0; a < areasPerCommune; a++) {
          rows.push({ code: `${cc}-A${a}`, kind: 'RESIDENTIAL_AREA', name: `Thôn Hội Thượng ${a}`, parentCode: cc, residentHouseholds: 300 + a });
        }
      }
    }
  }
  let seed = 42;
  for (let i = rows.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [rows[i], rows[j]] = [rows[j] as ImportRow, rows[i] as ImportRow];
  }
  return rows;
}
