/** The checklist of incident types that fail a residential area (R6); labels as the register prints them. */
export const INCIDENT_TYPE_LABELS = {
  SERIOUS_CRIME: 'Tội phạm nghiêm trọng trở lên',
  COMPLEX_SECURITY_CASE: 'Vụ việc phức tạp về an ninh, trật tự',
  UNLAWFUL_MASS_GATHERING: 'Tụ tập đông người trái pháp luật',
  SOCIAL_EVIL_HOTSPOT: 'Tụ điểm tệ nạn xã hội',
  SERIOUS_ACCIDENT: 'Tai nạn, cháy nổ nghiêm trọng',
} as const;

export type IncidentType = keyof typeof INCIDENT_TYPE_LABELS;

export interface IncidentView {
  id: string;
  unitId: string;
  type: IncidentType;
  occurredOn: string;
  description: string;
}

export interface RecordIncidentInput {
  unitId: string;
  type: IncidentType;
  occurredOn: string;
  description: string;
}

/** R4/R6: a residential area's window of `year` runs from 01/11 of the previous year to 31/10. */
export function residentialWindow(year: number): { from: string; to: string } {
  return { from: `${year - 1}-11-01`, to: `${year}-10-31` };
}
