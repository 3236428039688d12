-- CreateTable
CREATE TABLE "unit_registration" (
    "registration_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "for_safe_standard" BOOLEAN NOT NULL,
    "registered_on" DATE NOT NULL,
    "withdrawn_on" DATE,

    CONSTRAINT "unit_registration_pkey" PRIMARY KEY ("registration_id")
);

-- CreateTable
CREATE TABLE "effective_model_fact" (
    "unit_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "has_effective_model" BOOLEAN NOT NULL,
    "revision" INTEGER NOT NULL,

    CONSTRAINT "effective_model_fact_pkey" PRIMARY KEY ("unit_id","year")
);

-- CreateIndex
CREATE INDEX "unit_registration_unit_id_year_idx" ON "unit_registration"("unit_id", "year");
