import { type Random } from './random';

/** First syllables of village and place names common in the Red River Delta (Sino-Vietnamese auspicious words). */
const PLACE_FIRST = [
  'An', 'Bình', 'Cao', 'Đại', 'Đông', 'Đồng', 'Hạ', 'Hòa', 'Hồng', 'Hưng', 'Kim', 'Lạc', 'Lương', 'Minh', 'Nam',
  'Ngọc', 'Phú', 'Phúc', 'Quang', 'Tân', 'Tây', 'Thanh', 'Thượng', 'Thọ', 'Trung', 'Văn', 'Vạn', 'Xuân', 'Yên', 'Cổ',
] as const;

/** Second syllables of village and place names. */
const PLACE_SECOND = [
  'Lập', 'Xá', 'Đoài', 'Đông', 'Nam', 'Bắc', 'Thịnh', 'Hòa', 'Phú', 'Trạch', 'Lâm', 'Điền', 'Khê', 'Châu', 'Hội',
  'Lạc', 'Cầu', 'Động', 'Mỹ', 'Thái', 'Ninh', 'Nội', 'Trung', 'Giang', 'Sơn', 'Tiến', 'Vinh', 'Lãng', 'Bồi', 'Duyên',
] as const;

/** Every two-syllable place name whose syllables differ, in a fixed order. */
export const PLACE_NAMES: readonly string[] = PLACE_FIRST.flatMap((first) =>
  PLACE_SECOND.filter((second) => second !== first).map((second) => `${first} ${second}`),
);

// A stride near the golden section of the list spreads consecutive names over different first syllables.
const PLACE_STRIDE = coprimeStride(PLACE_NAMES.length, Math.floor(PLACE_NAMES.length * 0.382));

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

function coprimeStride(length: number, start: number): number {
  let stride = start;
  while (greatestCommonDivisor(length, stride) !== 1) stride += 1;
  return stride;
}

/**
 * The i-th of a run of distinct place names starting at `offset`: names of one run never repeat while
 * `index < PLACE_NAMES.length`. Constant time, for large trees.
 */
export function placeNameAt(offset: number, index: number): string {
  const position = (offset + index * PLACE_STRIDE) % PLACE_NAMES.length;
  return PLACE_NAMES[position] as string;
}

/** `count` distinct place names in random order, none of them in `exclude`. */
export function distinctPlaceNames(random: Random, count: number, exclude: ReadonlySet<string> = new Set()): string[] {
  const offset = random.int(0, PLACE_NAMES.length - 1);
  const names: string[] = [];
  for (let index = 0; names.length < count; index += 1) {
    if (index >= PLACE_NAMES.length) throw new Error(`only ${PLACE_NAMES.length} place names are available`);
    const name = placeNameAt(offset, index);
    if (!exclude.has(name)) names.push(name);
  }
  return names;
}

const BRAND_FIRST = [
  'An', 'Bảo', 'Đại', 'Đức', 'Gia', 'Hải', 'Hoàng', 'Hồng', 'Hưng', 'Khánh', 'Kim', 'Minh', 'Nam',
  'Ngọc', 'Phú', 'Phúc', 'Quang', 'Tân', 'Thái', 'Thành', 'Thiên', 'Thịnh', 'Trung', 'Việt', 'Vĩnh', 'Xuân',
] as const;
const BRAND_SECOND = [
  'An', 'Anh', 'Bình', 'Cường', 'Dương', 'Đạt', 'Hà', 'Hưng', 'Khang', 'Lộc', 'Long', 'Minh',
  'Nam', 'Phát', 'Phong', 'Phú', 'Quang', 'Sơn', 'Tài', 'Thành', 'Thịnh', 'Tiến', 'Trường', 'Vượng',
] as const;

/** A trade name in the style of Vietnamese small businesses ("Hưng Phát", "Minh Anh"). */
export function brandName(random: Random): string {
  const first = random.pick(BRAND_FIRST);
  let second = random.pick(BRAND_SECOND);
  while (second === first) second = random.pick(BRAND_SECOND);
  return `${first} ${second}`;
}

/** Trades typical of Thái Bình's small and medium enterprises and craft villages. */
export const TRADES = [
  'May mặc', 'Dệt may', 'Xây dựng', 'Thương mại và Dịch vụ', 'Chế biến nông sản', 'Vận tải', 'Cơ khí', 'Gốm sứ',
  'Vật liệu xây dựng', 'Thủy sản', 'Đồ gỗ mỹ nghệ', 'Điện tử', 'Thực phẩm', 'Thêu ren', 'Chiếu cói', 'Mây tre đan',
  'Bao bì', 'Đầu tư và Phát triển',
] as const;

/** Names of nursery groups run by private owners. */
export const NURSERY_NAMES = ['Hoa Mai', 'Sao Mai', 'Họa Mi', 'Ánh Dương', 'Hoa Sen', 'Sơn Ca', 'Búp Sen Xanh', 'Hướng Dương'] as const;

/** Historical figures whose names urban schools often bear. */
export const SCHOOL_PATRONS = [
  'Lý Thường Kiệt', 'Nguyễn Trãi', 'Lê Lợi', 'Kim Đồng', 'Võ Thị Sáu', 'Trần Quốc Toản', 'Hoàng Văn Thụ', 'Nguyễn Du',
  'Lê Quý Đôn', 'Ngô Quyền', 'Lý Tự Trọng', 'Chu Văn An',
] as const;

/** Province names before the 2025 merger of provinces (63), used by the national synthetic tree. */
export const PROVINCE_NAMES = [
  'Thành phố Hà Nội', 'Tỉnh Hà Giang', 'Tỉnh Cao Bằng', 'Tỉnh Bắc Kạn', 'Tỉnh Tuyên Quang', 'Tỉnh Lào Cai',
  'Tỉnh Điện Biên', 'Tỉnh Lai Châu', 'Tỉnh Sơn La', 'Tỉnh Yên Bái', 'Tỉnh Hòa Bình', 'Tỉnh Thái Nguyên',
  'Tỉnh Lạng Sơn', 'Tỉnh Quảng Ninh', 'Tỉnh Bắc Giang', 'Tỉnh Phú Thọ', 'Tỉnh Vĩnh Phúc', 'Tỉnh Bắc Ninh',
  'Tỉnh Hải Dương', 'Thành phố Hải Phòng', 'Tỉnh Hưng Yên', 'Tỉnh Thái Bình', 'Tỉnh Hà Nam', 'Tỉnh Nam Định',
  'Tỉnh Ninh Bình', 'Tỉnh Thanh Hóa', 'Tỉnh Nghệ An', 'Tỉnh Hà Tĩnh', 'Tỉnh Quảng Bình', 'Tỉnh Quảng Trị',
  'Thành phố Huế', 'Thành phố Đà Nẵng', 'Tỉnh Quảng Nam', 'Tỉnh Quảng Ngãi', 'Tỉnh Bình Định', 'Tỉnh Phú Yên',
  'Tỉnh Khánh Hòa', 'Tỉnh Ninh Thuận', 'Tỉnh Bình Thuận', 'Tỉnh Kon Tum', 'Tỉnh Gia Lai', 'Tỉnh Đắk Lắk',
  'Tỉnh Đắk Nông', 'Tỉnh Lâm Đồng', 'Tỉnh Bình Phước', 'Tỉnh Tây Ninh', 'Tỉnh Bình Dương', 'Tỉnh Đồng Nai',
  'Tỉnh Bà Rịa - Vũng Tàu', 'Thành phố Hồ Chí Minh', 'Tỉnh Long An', 'Tỉnh Tiền Giang', 'Tỉnh Bến Tre',
  'Tỉnh Trà Vinh', 'Tỉnh Vĩnh Long', 'Tỉnh Đồng Tháp', 'Tỉnh An Giang', 'Tỉnh Kiên Giang', 'Thành phố Cần Thơ',
  'Tỉnh Hậu Giang', 'Tỉnh Sóc Trăng', 'Tỉnh Bạc Liêu', 'Tỉnh Cà Mau',
] as const;
