-- CreateIndex
CREATE INDEX "inbox_entry_processed_at_idx" ON "inbox_entry"("processed_at");
