-- Where a seat sits in its row (its run of seats between aisles), how far it is from the stage,
-- and what a buyer may need to know about it: what best available and the no-orphan rule read,
-- and what the map shows. Existing seats get one run per row and no attributes; the seed and
-- new events fill them from the venue's layout.
ALTER TABLE "seats" ADD COLUMN "block" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "seats" ADD COLUMN "stage_distance" DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE "seats" ADD COLUMN "attributes" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "events" ADD COLUMN "no_orphan_seats" BOOLEAN NOT NULL DEFAULT false;
-- A run's seats, read whole by the no-orphan rule and best available.
CREATE INDEX "seats_event_id_section_row_block_idx" ON "seats"("event_id", "section", "row", "block");
