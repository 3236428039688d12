-- AlterTable
ALTER TABLE "assessment" ADD COLUMN     "current_step" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "assessment_change" ADD COLUMN     "after_met" BOOLEAN,
ADD COLUMN     "before_met" BOOLEAN,
ADD COLUMN     "criterion_code" TEXT;

-- CreateTable
CREATE TABLE "safe_standard_criterion" (
    "rule_set_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL,
    "derivation" TEXT,

    CONSTRAINT "safe_standard_criterion_pkey" PRIMARY KEY ("rule_set_id","code")
);

-- CreateTable
CREATE TABLE "assessment_criterion" (
    "assessment_id" UUID NOT NULL,
    "criterion_code" TEXT NOT NULL,
    "self_met" BOOLEAN NOT NULL,
    "met" BOOLEAN NOT NULL,
    "evidence" TEXT,
    "override_reason" TEXT,

    CONSTRAINT "assessment_criterion_pkey" PRIMARY KEY ("assessment_id","criterion_code")
);

-- CreateTable
CREATE TABLE "commune_police_discipline" (
    "seq" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "commune_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "disciplined_officers" INTEGER NOT NULL,
    "recorded_on" DATE NOT NULL,
    "note" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_by_unit_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "commune_police_discipline_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "assessment_review_step" (
    "assessment_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "level_unit_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "decided_on" DATE,
    "actor" TEXT,

    CONSTRAINT "assessment_review_step_pkey" PRIMARY KEY ("assessment_id","position")
);

-- CreateTable
CREATE TABLE "evidence_file" (
    "id" UUID NOT NULL,
    "assessment_id" UUID NOT NULL,
    "item_code" TEXT,
    "criterion_code" TEXT,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_by_unit_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_file_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "commune_police_discipline_id_key" ON "commune_police_discipline"("id");

-- CreateIndex
CREATE INDEX "commune_police_discipline_commune_id_year_seq_idx" ON "commune_police_discipline"("commune_id", "year", "seq");

-- CreateIndex
CREATE INDEX "assessment_review_step_level_unit_id_idx" ON "assessment_review_step"("level_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "evidence_file_storage_key_key" ON "evidence_file"("storage_key");

-- CreateIndex
CREATE INDEX "evidence_file_assessment_id_idx" ON "evidence_file"("assessment_id");

-- AddForeignKey
ALTER TABLE "safe_standard_criterion" ADD CONSTRAINT "safe_standard_criterion_rule_set_id_fkey" FOREIGN KEY ("rule_set_id") REFERENCES "rule_set"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_criterion" ADD CONSTRAINT "assessment_criterion_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_review_step" ADD CONSTRAINT "assessment_review_step_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_file" ADD CONSTRAINT "evidence_file_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Review chain of the assessments already submitted: one level, the reviewing unit they had (their current step).
INSERT INTO assessment_review_step (assessment_id, position, level_unit_id, status, decided_on, actor)
SELECT a.id, 0, a.reviewing_unit_id, CASE a.status WHEN 'APPROVED' THEN 'APPROVED' WHEN 'RETURNED' THEN 'RETURNED' ELSE 'PENDING' END, a.approved_on, NULL FROM assessment a;

-- The safe-standard pass/fail criteria of the 2024 Thái Bình rule sets (Circular 124 Art. 4-7 and the province's additions of
-- Decision 16/2022/QĐ-UBND). verified = false where the text is a summary from memory or a secondary source, or the provincial
-- additions whose text could not be read: confirm against the primary texts. derivation: computed from facts, never answered.
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('0a98c7d9-18b8-537f-81bb-9cc4f7b64e23', 'RA_1', 1, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 4, khoản 1', 'Trong quý I, chi bộ ban hành nghị quyết, khu dân cư đăng ký phấn đấu đạt tiêu chuẩn và 100% hộ gia đình đăng ký tham gia phong trào', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('0a98c7d9-18b8-537f-81bb-9cc4f7b64e23', 'RA_2', 2, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 4, khoản 2', 'Chấp hành đầy đủ chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương về an ninh, trật tự', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('0a98c7d9-18b8-537f-81bb-9cc4f7b64e23', 'RA_3', 3, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 4, khoản 3', 'Không xảy ra vụ việc thuộc danh mục (hoạt động chống Đảng, chính quyền; phá hoại mục tiêu trọng điểm; đạo trái pháp luật; lợi dụng tôn giáo, dân tộc, tranh chấp gây phức tạp; ly khai; tranh chấp khiếu kiện đông người kéo dài; …) trong thời gian đánh giá', true, 'NO_LISTED_INCIDENT');
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('0a98c7d9-18b8-537f-81bb-9cc4f7b64e23', 'RA_4', 4, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 4, khoản 4', 'Kiềm chế, giảm tội phạm, tai nạn, tệ nạn xã hội; không để xảy ra tội phạm nghiêm trọng (tóm tắt theo trí nhớ, chưa xác minh)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('0a98c7d9-18b8-537f-81bb-9cc4f7b64e23', 'RA_5', 5, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 4, khoản 5', 'Các tổ chức đoàn thể và lực lượng nòng cốt về an ninh, trật tự ở cơ sở hoàn thành nhiệm vụ (tóm tắt theo trí nhớ, chưa xác minh)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('0a98c7d9-18b8-537f-81bb-9cc4f7b64e23', 'PROVINCE_ADDITIONS', 6, 'PROVINCE', 'QĐ 16/2022/QĐ-UBND (Thái Bình)', 'Các tiêu chí bổ sung của UBND tỉnh Thái Bình theo Quyết định 16/2022/QĐ-UBND (nội dung chưa đối chiếu được với văn bản gốc: cần xác minh và ghi đúng từng tiêu chí)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('1efd7e72-09b3-5394-b81f-11c93b24cd8d', 'C_1', 1, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 5, khoản 1', 'Trong quý I, cấp ủy ban hành nghị quyết, UBND xã ban hành kế hoạch về an ninh, trật tự và đăng ký phấn đấu đạt tiêu chuẩn', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('1efd7e72-09b3-5394-b81f-11c93b24cd8d', 'C_2', 2, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 5, khoản 1', 'Xây dựng, củng cố, duy trì ít nhất 01 mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc hoạt động hiệu quả', true, 'EFFECTIVE_MODEL');
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('1efd7e72-09b3-5394-b81f-11c93b24cd8d', 'C_3', 3, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 5, khoản 2', 'Đạt các tiêu chí 2, 3 và 4 của Điều 4 (chấp hành pháp luật về an ninh, trật tự; không xảy ra vụ việc thuộc danh mục; kiềm chế tội phạm, tai nạn, tệ nạn)', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('1efd7e72-09b3-5394-b81f-11c93b24cd8d', 'C_4', 4, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 5, khoản 3', 'Công an xã nắm chắc tình hình, tham mưu hiệu quả và không có cá nhân bị xử lý kỷ luật', true, 'NO_DISCIPLINED_OFFICER');
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('1efd7e72-09b3-5394-b81f-11c93b24cd8d', 'C_5', 5, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 5, khoản 4', '100% khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục thuộc thẩm quyền quản lý đăng ký và ít nhất 70% được công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự"', true, 'MANAGED_UNITS_R7');
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('1efd7e72-09b3-5394-b81f-11c93b24cd8d', 'PROVINCE_ADDITIONS', 6, 'PROVINCE', 'QĐ 16/2022/QĐ-UBND (Thái Bình)', 'Các tiêu chí bổ sung của UBND tỉnh Thái Bình theo Quyết định 16/2022/QĐ-UBND (nội dung chưa đối chiếu được với văn bản gốc: cần xác minh và ghi đúng từng tiêu chí)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('44cfacf5-5270-5eb3-a548-6321314ca3f8', 'A_1', 1, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 1', 'Trong quý I, tổ chức Đảng (nơi có tổ chức Đảng) ban hành nghị quyết chuyên đề hoặc lồng ghép nội dung an ninh, trật tự trong nghị quyết năm', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('44cfacf5-5270-5eb3-a548-6321314ca3f8', 'A_2', 2, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 2', 'Có kế hoạch về an ninh, trật tự và đăng ký phấn đấu đạt tiêu chuẩn', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('44cfacf5-5270-5eb3-a548-6321314ca3f8', 'A_3', 3, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 3', 'Có nội quy, quy chế về bảo vệ cơ quan, bảo vệ bí mật nhà nước, bảo vệ chính trị nội bộ, an toàn lao động, phòng cháy, chữa cháy, bảo vệ môi trường', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('44cfacf5-5270-5eb3-a548-6321314ca3f8', 'A_4', 4, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 4', '100% cán bộ, công nhân viên được phổ biến các nội quy, quy chế và các tiêu chí', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('44cfacf5-5270-5eb3-a548-6321314ca3f8', 'A_5', 5, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 5', 'Có ít nhất 01 mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc hoạt động hiệu quả', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('44cfacf5-5270-5eb3-a548-6321314ca3f8', 'A_6', 6, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 6', 'Thực hiện quy chế phối hợp với địa phương về bảo đảm an ninh, trật tự và các tiêu chí còn lại (ngoài đoạn trích đã đọc, chưa xác minh)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('44cfacf5-5270-5eb3-a548-6321314ca3f8', 'PROVINCE_ADDITIONS', 7, 'PROVINCE', 'QĐ 16/2022/QĐ-UBND (Thái Bình)', 'Các tiêu chí bổ sung của UBND tỉnh Thái Bình theo Quyết định 16/2022/QĐ-UBND (nội dung chưa đối chiếu được với văn bản gốc: cần xác minh và ghi đúng từng tiêu chí)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('beae1e8a-ab98-53ce-a3f1-59a2b72ed6e4', 'D_1', 1, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 1', 'Trong quý I, tổ chức Đảng (nơi có tổ chức Đảng) ban hành nghị quyết chuyên đề hoặc lồng ghép nội dung an ninh, trật tự trong nghị quyết năm', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('beae1e8a-ab98-53ce-a3f1-59a2b72ed6e4', 'D_2', 2, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 2', 'Có kế hoạch về an ninh, trật tự và đăng ký phấn đấu đạt tiêu chuẩn', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('beae1e8a-ab98-53ce-a3f1-59a2b72ed6e4', 'D_3', 3, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 3', 'Có nội quy, quy chế về bảo vệ cơ quan, bảo vệ bí mật nhà nước, bảo vệ chính trị nội bộ, an toàn lao động, phòng cháy, chữa cháy, bảo vệ môi trường', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('beae1e8a-ab98-53ce-a3f1-59a2b72ed6e4', 'D_4', 4, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 4', '100% cán bộ, công nhân viên được phổ biến các nội quy, quy chế và các tiêu chí', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('beae1e8a-ab98-53ce-a3f1-59a2b72ed6e4', 'D_5', 5, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 5', 'Có ít nhất 01 mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc hoạt động hiệu quả', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('beae1e8a-ab98-53ce-a3f1-59a2b72ed6e4', 'D_6', 6, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 6', 'Thực hiện quy chế phối hợp với địa phương về bảo đảm an ninh, trật tự và các tiêu chí còn lại (ngoài đoạn trích đã đọc, chưa xác minh)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('beae1e8a-ab98-53ce-a3f1-59a2b72ed6e4', 'PROVINCE_ADDITIONS', 7, 'PROVINCE', 'QĐ 16/2022/QĐ-UBND (Thái Bình)', 'Các tiêu chí bổ sung của UBND tỉnh Thái Bình theo Quyết định 16/2022/QĐ-UBND (nội dung chưa đối chiếu được với văn bản gốc: cần xác minh và ghi đúng từng tiêu chí)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('d0c9c792-b82b-50e9-bf3d-f7ec5ca92b05', 'E_1', 1, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 1', 'Trong quý I, tổ chức Đảng (nơi có tổ chức Đảng) ban hành nghị quyết chuyên đề hoặc lồng ghép nội dung an ninh, trật tự trong nghị quyết năm', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('d0c9c792-b82b-50e9-bf3d-f7ec5ca92b05', 'E_2', 2, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 2', 'Có kế hoạch về an ninh, trật tự và đăng ký phấn đấu đạt tiêu chuẩn', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('d0c9c792-b82b-50e9-bf3d-f7ec5ca92b05', 'E_3', 3, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 3', 'Có nội quy, quy chế về bảo vệ cơ quan, bảo vệ bí mật nhà nước, bảo vệ chính trị nội bộ, an toàn lao động, phòng cháy, chữa cháy, bảo vệ môi trường', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('d0c9c792-b82b-50e9-bf3d-f7ec5ca92b05', 'E_4', 4, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 4', '100% cán bộ, công nhân viên được phổ biến các nội quy, quy chế và các tiêu chí', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('d0c9c792-b82b-50e9-bf3d-f7ec5ca92b05', 'E_5', 5, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 5', 'Có ít nhất 01 mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc hoạt động hiệu quả', true, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('d0c9c792-b82b-50e9-bf3d-f7ec5ca92b05', 'E_6', 6, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 6, khoản 6', 'Thực hiện quy chế phối hợp với địa phương về bảo đảm an ninh, trật tự và các tiêu chí còn lại (ngoài đoạn trích đã đọc, chưa xác minh)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('d0c9c792-b82b-50e9-bf3d-f7ec5ca92b05', 'PROVINCE_ADDITIONS', 7, 'PROVINCE', 'QĐ 16/2022/QĐ-UBND (Thái Bình)', 'Các tiêu chí bổ sung của UBND tỉnh Thái Bình theo Quyết định 16/2022/QĐ-UBND (nội dung chưa đối chiếu được với văn bản gốc: cần xác minh và ghi đúng từng tiêu chí)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('d583db58-e5c8-5844-81d0-89c29b5d19d9', 'S_1', 1, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 7', 'Có mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc hoạt động (nguồn thứ cấp, chưa xác minh)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('d583db58-e5c8-5844-81d0-89c29b5d19d9', 'S_2', 2, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 7', 'Phối hợp với Ban đại diện cha mẹ học sinh trong quản lý học sinh (nguồn thứ cấp, chưa xác minh)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('d583db58-e5c8-5844-81d0-89c29b5d19d9', 'S_3', 3, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 7', 'Không xảy ra vụ việc về an ninh, trật tự, không có tuyên truyền đạo trái pháp luật (nguồn thứ cấp, chưa xác minh)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('d583db58-e5c8-5844-81d0-89c29b5d19d9', 'S_4', 4, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 7', 'Không xảy ra bạo lực học đường (nguồn thứ cấp, chưa xác minh)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('d583db58-e5c8-5844-81d0-89c29b5d19d9', 'S_5', 5, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 7', 'Cán bộ, giáo viên, nhân viên hoàn thành nhiệm vụ (nguồn thứ cấp, chưa xác minh)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('d583db58-e5c8-5844-81d0-89c29b5d19d9', 'S_6', 6, 'CIRCULAR_124', 'TT 124/2021/TT-BCA, Điều 7', 'Tiêu chí thứ sáu của Điều 7 (chưa đọc được nội dung, cần xác minh)', false, NULL);
INSERT INTO safe_standard_criterion (rule_set_id, code, position, source, reference, text, verified, derivation) VALUES ('d583db58-e5c8-5844-81d0-89c29b5d19d9', 'PROVINCE_ADDITIONS', 7, 'PROVINCE', 'QĐ 16/2022/QĐ-UBND (Thái Bình)', 'Các tiêu chí bổ sung của UBND tỉnh Thái Bình theo Quyết định 16/2022/QĐ-UBND (nội dung chưa đối chiếu được với văn bản gốc: cần xác minh và ghi đúng từng tiêu chí)', false, NULL);


-- A rule set in use is immutable, its criteria too (no criterion added, changed or removed once an assessment uses the set).
CREATE FUNCTION safe_standard_criterion_in_use_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  used_set uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.rule_set_id ELSE OLD.rule_set_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM assessment WHERE rule_set_id = used_set) THEN
    RAISE EXCEPTION 'rule set % is in use and its criteria cannot change: publish a new version', used_set USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER safe_standard_criterion_immutable BEFORE INSERT OR UPDATE OR DELETE ON safe_standard_criterion FOR EACH ROW EXECUTE FUNCTION safe_standard_criterion_in_use_is_immutable();
