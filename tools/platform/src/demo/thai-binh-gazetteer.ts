import { z } from 'zod';
import raw from '../../data/thai-binh-2024.json';
import { SCHOOL_LEVELS } from './import-row';

const source = z.enum(['known', 'synthetic']);

const communeSchema = z.object({
  name: z.string().min(1),
  type: z.enum(['xã', 'phường', 'thị trấn']),
  source,
});

const districtSchema = z.object({
  code: z.string().regex(/^[A-Z]{2,4}$/),
  name: z.string().min(1),
  type: z.enum(['huyện', 'thành phố', 'thị xã']),
  seat: z.string().min(1),
  communes: z.array(communeSchema).min(1),
  upperSecondarySchools: z.array(z.object({ name: z.string().min(1), source })),
});

const gazetteerSchema = z.object({
  period: z.object({ from: z.iso.date(), to: z.iso.date() }),
  province: z.object({ code: z.string().regex(/^[A-Z]{2,4}$/), name: z.string().min(1) }),
  departments: z.array(z.object({ code: z.string(), name: z.string(), armedForces: z.boolean(), source })),
  districts: z.array(districtSchema).min(1),
  provinceAgencies: z.array(z.object({ code: z.string(), name: z.string(), armedForces: z.boolean(), source })),
  provinceSchools: z.array(z.object({ code: z.string(), name: z.string(), schoolLevel: z.enum(SCHOOL_LEVELS), source })),
});

/** Where a name comes from: a real name of the period, or a plausible invented one. */
export type NameSource = z.infer<typeof source>;
export type GazetteerCommune = z.infer<typeof communeSchema>;
export type GazetteerDistrict = z.infer<typeof districtSchema>;
/** The real-name list of Thái Bình before the 2025 reorganisation (`tools/platform/data/thai-binh-2024.json`). */
export type ThaiBinhGazetteer = z.infer<typeof gazetteerSchema>;

/** Reads and validates the Thái Bình name list; throws if the data file does not have the expected shape. */
export function thaiBinhGazetteer(): ThaiBinhGazetteer {
  const gazetteer = gazetteerSchema.parse(raw);
  for (const district of gazetteer.districts) {
    if (!district.communes.some((commune) => commune.name === district.seat)) {
      throw new Error(`district ${district.code}: seat ${district.seat} is not one of its communes`);
    }
  }
  return gazetteer;
}

/** The display name of a commune-level unit: "Xã Vũ Hội", "Phường Kỳ Bá", "Thị trấn Vũ Thư". */
export function communeDisplayName(commune: GazetteerCommune): string {
  const type = commune.type.charAt(0).toUpperCase() + commune.type.slice(1);
  return `${type} ${commune.name}`;
}
