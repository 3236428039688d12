/** Vietnamese display labels of every enum value this subgraph serves (`Query.modelLabels`). */
export const ENUM_LABELS = {
  ModelStatus: { ACTIVE: 'Đang hoạt động', SUSPENDED: 'Tạm dừng hoạt động', DISSOLVED: 'Đã giải thể' },
  ModelRating: { EFFECTIVE: 'Hiệu quả', LESS_EFFECTIVE: 'Ít hiệu quả', INEFFECTIVE: 'Không hiệu quả' },
  AdvancedExampleKind: { INDIVIDUAL: 'Cá nhân', COLLECTIVE: 'Tập thể' },
  UnitKind: {
    PROVINCE: 'Tỉnh',
    DISTRICT: 'Huyện, thị xã, thành phố',
    COMMUNE: 'Xã, phường, thị trấn',
    RESIDENTIAL_AREA: 'Khu dân cư',
    AGENCY: 'Cơ quan',
    ENTERPRISE: 'Doanh nghiệp',
    SCHOOL: 'Cơ sở giáo dục',
    DEPARTMENT: 'Sở, ban, ngành, đoàn thể',
    SECURITY_TEAM: 'Tổ bảo vệ an ninh, trật tự',
  },
} as const;

export type LabelledEnum = keyof typeof ENUM_LABELS;

/** The label of one value (the value itself when unknown, so that a new value never breaks a read). */
export function labelOf<E extends LabelledEnum>(enumName: E, value: string): string {
  return (ENUM_LABELS[enumName] as Record<string, string>)[value] ?? value;
}

/** Every label, flattened for the API. */
export function allLabels(): Array<{ enum: string; value: string; label: string }> {
  return Object.entries(ENUM_LABELS).flatMap(([enumName, values]) =>
    Object.entries(values).map(([value, label]) => ({ enum: enumName, value, label })),
  );
}
