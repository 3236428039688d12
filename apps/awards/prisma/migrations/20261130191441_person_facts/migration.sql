-- CreateTable
CREATE TABLE "person_fact" (
    "id" UUID NOT NULL,
    "subject_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "unit_id" UUID NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "revision" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "person_fact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_fact_change" (
    "seq" BIGSERIAL NOT NULL,
    "fact_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actor_unit_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "on_date" DATE NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "person_fact_change_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "person_fact_subject_key_kind_idx" ON "person_fact"("subject_key", "kind");

-- CreateIndex
CREATE INDEX "person_fact_change_fact_id_seq_idx" ON "person_fact_change"("fact_id", "seq");

-- AddForeignKey
ALTER TABLE "person_fact_change" ADD CONSTRAINT "person_fact_change_fact_id_fkey" FOREIGN KEY ("fact_id") REFERENCES "person_fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
