-- CreateTable
CREATE TABLE "security_incident" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "occurred_on" DATE NOT NULL,
    "description" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "security_incident_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "security_incident_unit_id_occurred_on_idx" ON "security_incident"("unit_id", "occurred_on");
