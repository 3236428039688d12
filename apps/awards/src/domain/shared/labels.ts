/** Vietnamese display labels of every enum value this subgraph serves (`Query.awardLabels`). */
export const ENUM_LABELS = {
  NominationStatus: {
    DRAFT: 'Dự thảo',
    SUBMITTED: 'Đã trình',
    RECEIVED: 'Đã tiếp nhận',
    APPRAISED: 'Đã thẩm định',
    COUNCIL_REVIEWED: 'Hội đồng đã xét',
    DECIDED: 'Đã quyết định khen thưởng',
    RETURNED: 'Trả lại',
    REJECTED: 'Không khen thưởng',
    REVOKED: 'Đã thu hồi',
  },
  RecipientKind: { COLLECTIVE: 'Tập thể', HOUSEHOLD: 'Hộ gia đình', INDIVIDUAL: 'Cá nhân' },
  EligibilityFact: {
    SAFE_STANDARD: 'Đạt chuẩn "An toàn về an ninh, trật tự"',
    CLASSIFICATION_RANK: 'Xếp loại phong trào',
    REGISTERED: 'Đăng ký phấn đấu',
    UNIT_KIND: 'Loại đơn vị',
    AWARD_HELD: 'Đã được khen thưởng',
    EFFECTIVE_MODEL: 'Có mô hình tự quản hiệu quả',
    ADVANCED_EXAMPLE: 'Có điển hình tiên tiến',
    CONSECUTIVE_YEARS_SAFE: 'Số năm liên tục đạt chuẩn "An toàn về an ninh, trật tự"',
    CONSECUTIVE_YEARS_GOOD: 'Số năm liên tục xếp loại phong trào Khá trở lên',
    NOMINEE_ROLE: 'Vị trí của cá nhân được đề nghị',
    MONTHS_OF_SERVICE: 'Số tháng tham gia tổ bảo vệ ANTT',
    NO_PENDING_COMPLAINT: 'Không có đơn thư khiếu nại, tố cáo đang giải quyết',
    TEAM_RATING: 'Kết quả đánh giá, xếp loại Tổ bảo vệ ANTT ở cơ sở và thành viên',
  },
  PersonFactKind: { SERVICE: 'Thời gian tham gia tổ bảo vệ ANTT', COMPLAINT: 'Đơn thư khiếu nại, tố cáo' },
  NomineeRole: {
    UNIT_LEADER: 'Người đứng đầu',
    TEAM_MEMBER: 'Thành viên tổ bảo vệ ANTT ở cơ sở',
    OFFICER: 'Cán bộ, công chức, viên chức',
    RESIDENT: 'Quần chúng nhân dân',
  },
  TeamRatingLevel: {
    EXCELLENT: 'Hoàn thành xuất sắc nhiệm vụ',
    GOOD: 'Hoàn thành tốt nhiệm vụ',
    COMPLETED: 'Hoàn thành nhiệm vụ',
    NOT_COMPLETED: 'Không hoàn thành nhiệm vụ',
  },
  TeamPosition: { LEADER: 'Tổ trưởng', DEPUTY: 'Tổ phó', MEMBER: 'Tổ viên' },
  PersonalDataAccess: { FULL: 'Xem đầy đủ', MASKED: 'Đã che một phần', NONE: 'Không được xem' },
} as const;

export type LabelledEnum = keyof typeof ENUM_LABELS;

/** The label of one value (the value itself when unknown, so that a new value never breaks a read). */
export function labelOf<E extends LabelledEnum>(enumName: E, value: string): string {
  return (ENUM_LABELS[enumName] as Record<string, string>)[value] ?? value;
}

/** Every label, flattened for the API. */
export function allLabels(): Array<{ enum: string; value: string; label: string }> {
  return Object.entries(ENUM_LABELS).flatMap(([enumName, values]) => Object.entries(values).map(([value, label]) => ({ enum: enumName, value, label })));
}
