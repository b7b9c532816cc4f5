-- Per-buyer seat limits and the virtual waiting room, per event.
ALTER TABLE "events" ADD COLUMN "max_seats_per_buyer" INTEGER,
ADD COLUMN "waiting_room_enabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "admission_per_minute" INTEGER,
ADD COLUMN "admission_paused" BOOLEAN NOT NULL DEFAULT false;

-- A buyer's live seats at one event are counted on every hold: bookings by user and event.
CREATE INDEX "bookings_user_id_event_id_idx" ON "bookings"("user_id", "event_id");
