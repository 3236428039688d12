/** Vietnamese display labels of every enum value this subgraph serves (`Query.campaignLabels`). */
export const ENUM_LABELS = {
  CampaignStatus: { DRAFT: 'Dự thảo', LAUNCHED: 'Đã phát động', CLOSED: 'Đã kết thúc' },
  RegistrationStatus: { SUBMITTED: 'Đã đăng ký', WITHDRAWN: 'Đã rút đăng ký' },
  RegistrationState: {
    REGISTERED: 'Đăng ký đúng hạn',
    LATE: 'Đăng ký muộn',
    MISSING: 'Chưa đăng ký',
    OVERDUE: 'Quá hạn chưa đăng ký',
    WITHDRAWN: 'Đã rút đăng ký',
  },
  TargetIndicator: {
    REGISTRATION_RATE: 'Tỷ lệ đơn vị đăng ký phấn đấu',
    SAFE_STANDARD_RATE: 'Tỷ lệ đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
    EXCELLENT_RATE: 'Tỷ lệ xếp loại Xuất sắc',
    GOOD_RATE: 'Tỷ lệ xếp loại Khá trở lên',
    NEW_RURAL_SECURITY_RATE: 'Tỷ lệ xã đạt tiêu chí an ninh trật tự nông thôn mới',
  },
  TargetComparator: { GT: 'Trên', GTE: 'Từ' },
  PledgeSignerKind: { STAFF: 'Cán bộ, công nhân viên', PUPIL: 'Học sinh, sinh viên', RESIDENT: 'Người dân', HOUSEHOLD: 'Hộ gia đình' },
  PledgeStatus: { ACTIVE: 'Đã ký cam kết', ERASED: 'Đã xoá dữ liệu cá nhân' },
  PersonalDataAccess: { FULL: 'Xem đầy đủ', MASKED: 'Đã che một phần', NONE: 'Không được xem' },
  ScopeShare: { WHOLE: 'Toàn bộ', PARTIAL: 'Một phần (sau chia tách)' },
  AttainmentShortfallReason: {
    NOT_REGISTERED: 'Chưa đăng ký phấn đấu',
    NO_RECOGNITION_YET: 'Chưa có quyết định công nhận',
    NOT_RECOGNISED: 'Không được công nhận',
    REVOKED: 'Bị thu hồi công nhận',
    NOT_CLASSIFIED_YET: 'Chưa có kết quả phân loại',
    CLASSIFIED_BELOW: 'Xếp loại thấp hơn chỉ tiêu',
  },
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
