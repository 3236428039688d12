import { foldForSearch, searchTerms } from './search-name';

describe('diacritics folding', () => {
  it.each([
    ['Xã Vũ Hội', 'xa vu hoi'],
    ['Huyện Đông Hưng', 'huyen dong hung'],
    ['Thị trấn  Kiến   Xương ', 'thi tran kien xuong'],
    ['THÔN HỘI THƯỢNG', 'thon hoi thuong'],
    ['Xa\u0303 Vu\u0303 Hô\u0323\u0302i', 'xa vu hoi'],
  ])('%s → %s', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });

  it('splits a search text into folded words', () => {
    expect(searchTerms('  Vũ   HỘI ')).toEqual(['vu', 'hoi']);
    expect(searchTerms('   ')).toEqual([]);
  });
});
