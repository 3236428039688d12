/** Removes Vietnamese diacritics (đ → d) so that "Vũ Hội" becomes "Vu Hoi". */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** A code segment from a name: ASCII capitals and digits only ("Vũ Hội" → "VUHOI"). */
export function codeSegment(name: string): string {
  return foldDiacritics(name)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** Zero-padded ordinal for codes ("T01", "DN003"): at least two digits, more when the count needs them. */
export function ordinal(prefix: string, index: number, count: number): string {
  const width = Math.max(2, String(count).length);
  return `${prefix}${String(index).padStart(width, '0')}`;
}
