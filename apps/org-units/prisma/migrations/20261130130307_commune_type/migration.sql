-- CreateEnum
CREATE TYPE "CommuneType" AS ENUM ('XA', 'PHUONG', 'THI_TRAN', 'DAC_KHU');

-- AlterTable
ALTER TABLE "unit_version" ADD COLUMN     "commune_type" "CommuneType";


-- Communes already stored take the subtype their name states.
UPDATE "unit_version" SET "commune_type" = CASE
    WHEN "name" LIKE 'Phường %' THEN 'PHUONG'::"CommuneType"
    WHEN "name" LIKE 'Thị trấn %' THEN 'THI_TRAN'::"CommuneType"
    WHEN "name" LIKE 'Đặc khu %' THEN 'DAC_KHU'::"CommuneType"
    WHEN "name" LIKE 'Xã %' THEN 'XA'::"CommuneType"
  END
WHERE "kind" = 'COMMUNE';
