-- CreateTable
CREATE TABLE "team_rating_round" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "commune_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "recorded_by" TEXT NOT NULL,
    "recorded_unit_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL,

    CONSTRAINT "team_rating_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_rating" (
    "round_id" UUID NOT NULL,
    "team_unit_id" UUID NOT NULL,
    "operating_since" DATE NOT NULL,
    "under_complaint" BOOLEAN NOT NULL,
    "rating" TEXT,

    CONSTRAINT "team_rating_pkey" PRIMARY KEY ("round_id","team_unit_id")
);

-- CreateTable
CREATE TABLE "team_member_rating" (
    "round_id" UUID NOT NULL,
    "subject_key" TEXT NOT NULL,
    "team_unit_id" UUID NOT NULL,
    "member_enc" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "joined_on" DATE NOT NULL,
    "under_complaint" BOOLEAN NOT NULL,
    "rating" TEXT,

    CONSTRAINT "team_member_rating_pkey" PRIMARY KEY ("round_id","subject_key")
);

-- CreateIndex
CREATE INDEX "team_rating_round_year_commune_id_current_idx" ON "team_rating_round"("year", "commune_id", "current");

-- CreateIndex
CREATE UNIQUE INDEX "team_rating_round_year_commune_id_version_key" ON "team_rating_round"("year", "commune_id", "version");

-- CreateIndex
CREATE INDEX "team_rating_team_unit_id_idx" ON "team_rating"("team_unit_id");

-- CreateIndex
CREATE INDEX "team_member_rating_subject_key_idx" ON "team_member_rating"("subject_key");

-- AddForeignKey
ALTER TABLE "team_rating" ADD CONSTRAINT "team_rating_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "team_rating_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_member_rating" ADD CONSTRAINT "team_member_rating_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "team_rating_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;
