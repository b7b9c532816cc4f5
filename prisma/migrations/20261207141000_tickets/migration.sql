-- Tickets: one per seat of a confirmed booking, checked in at the door exactly once.
-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('valid', 'revoked', 'checked_in');

-- CreateTable
CREATE TABLE "tickets" (
    "id" TEXT NOT NULL,
    "booking_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "seat_id" TEXT NOT NULL,
    "status" "TicketStatus" NOT NULL DEFAULT 'valid',
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checked_in_at" TIMESTAMPTZ(3),
    "checked_in_by" TEXT,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "tickets_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tickets_event_id_status_idx" ON "tickets"("event_id", "status");

-- CreateIndex
CREATE INDEX "tickets_seat_id_idx" ON "tickets"("seat_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_booking_id_seat_id_key" ON "tickets"("booking_id", "seat_id");

-- AddForeignKey
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_seat_id_fkey" FOREIGN KEY ("seat_id") REFERENCES "seats"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_checked_in_by_fkey" FOREIGN KEY ("checked_in_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Bookings confirmed before tickets existed get theirs now, issued when they were confirmed (their
-- last change), as the booking core issues them: none for one whose refund is under way.
INSERT INTO "tickets" ("id", "booking_id", "event_id", "seat_id", "issued_at")
SELECT 'tkt_' || substr(md5(b."id" || ' ' || bs."seat_id"), 1, 20), b."id", b."event_id", bs."seat_id", b."updated_at"
  FROM "bookings" b JOIN "booking_seats" bs ON bs."booking_id" = b."id"
 WHERE b."status" = 'confirmed' AND b."refund_payment_id" IS NULL;
