/**
 * Folds a Vietnamese name for diacritics-insensitive search: lower case, no tone or vowel marks, đ → d,
 * single spaces. "Xã Vũ Hội" → "xa vu hoi".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a search text, folded; empty words dropped. */
export function searchTerms(text: string): string[] {
  return foldForSearch(text).split(' ').filter((word) => word.length > 0);
}
