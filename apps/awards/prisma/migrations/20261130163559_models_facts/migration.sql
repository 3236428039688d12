-- CreateTable
CREATE TABLE "effective_model_fact" (
    "unit_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "has_effective_model" BOOLEAN NOT NULL,
    "revision" INTEGER NOT NULL,

    CONSTRAINT "effective_model_fact_pkey" PRIMARY KEY ("unit_id","year")
);

-- CreateTable
CREATE TABLE "advanced_example_fact" (
    "example_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "recognised_on" DATE NOT NULL,

    CONSTRAINT "advanced_example_fact_pkey" PRIMARY KEY ("example_id")
);

-- CreateIndex
CREATE INDEX "advanced_example_fact_unit_id_recognised_on_idx" ON "advanced_example_fact"("unit_id", "recognised_on");
