/** Longest migration name the Prisma CLI keeps. */
const MAX_LENGTH = 200;

/**
 * Normalises a migration name as `prisma migrate dev --name` does (slugify with "_"): diacritics dropped, camelCase split,
 * lower case, runs of anything else turned into one "_". "Add unitKind (Vũ Hội)" becomes "add_unit_kind_vu_hoi".
 */
export function migrationSlug(name: string): string {
  return name
    .replace(/[đĐ]/g, (letter) => (letter === 'đ' ? 'd' : 'D'))
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .substring(0, MAX_LENGTH);
}
