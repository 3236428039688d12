-- CreateTable
CREATE TABLE "deadline_notice" (
    "root_campaign_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "unit_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "campaign_id" UUID NOT NULL,
    "due_on" DATE NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deadline_notice_pkey" PRIMARY KEY ("root_campaign_id","code","unit_id","kind")
);
