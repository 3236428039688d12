-- CreateTable
CREATE TABLE "directory_unit_lineage" (
    "from_unit_id" UUID NOT NULL,
    "to_unit_id" UUID NOT NULL,
    "effective_date" DATE NOT NULL,
    "share" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL DEFAULT 0,
    "revision" INTEGER NOT NULL,

    CONSTRAINT "directory_unit_lineage_pkey" PRIMARY KEY ("from_unit_id","to_unit_id","effective_date")
);

-- CreateIndex
CREATE INDEX "directory_unit_lineage_to_unit_id_effective_date_idx" ON "directory_unit_lineage"("to_unit_id", "effective_date");
