import { createHash } from 'node:crypto';
import { type PledgeRowInput, type SignerKind } from '../domain/pledge';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Phan', 'Đinh'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Hữu', 'Ngọc', 'Quang', 'Thanh', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Yến'];

/** A stable number from a seed: the same people on every machine. */
function draw(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0);
}

/**
 * Synthetic signers of one unit for the demo, the tests and the benchmark (never real people): names distinct within the unit
 * for up to 3,900 signers, birth years, phones and, for most adults, a 12-digit citizen ID "034" + (idBase + index) that is
 * unique across units when the caller gives disjoint `idBase`s; pupils have none.
 */
export function syntheticPledgeRows(unitCode: string, kind: SignerKind, count: number, options: { signedOn: string; idBase: number; firstRow?: number }): PledgeRowInput[] {
  const rows: PledgeRowInput[] = [];
  const firstRow = options.firstRow ?? 2;
  for (let index = 0; index < count; index += 1) {
    const n = draw(`${unitCode}|${kind}|${index}`);
    const name = `${SURNAMES[index % SURNAMES.length]} ${MIDDLE[Math.floor(index / 15) % MIDDLE.length]} ${GIVEN[Math.floor(index / 150) % GIVEN.length]}`;
    const birthYear = kind === 'PUPIL' ? 2006 + (n % 12) : 1950 + (n % 55);
    const hasId = kind !== 'PUPIL' && (n >>> 20) % 10 !== 0;
    rows.push({
      row: firstRow + index,
      values: {
        unit_code: unitCode,
        signer_kind: kind,
        full_name: name,
        birth_year: String(birthYear),
        citizen_id: hasId ? `034${String(options.idBase + index).padStart(9, '0')}` : '',
        phone: (n >>> 16) % 3 === 0 ? '' : `09${String(n % 100_000_000).padStart(8, '0')}`,
        household_code: kind === 'HOUSEHOLD' ? `HGD-${String(index + 1).padStart(5, '0')}` : '',
        signed_on: options.signedOn,
      },
    });
  }
  return rows;
}
