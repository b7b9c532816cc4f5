-- The waiting list of sold-out events: seats released are offered down the line first.
-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'waiting_list_offer';

-- CreateEnum
CREATE TYPE "WaitingListStatus" AS ENUM ('waiting', 'offered', 'claimed', 'lapsed', 'left');

-- CreateTable
CREATE TABLE "waiting_list_entries" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "tier" TEXT,
    "status" "WaitingListStatus" NOT NULL DEFAULT 'waiting',
    "joined_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "offered_booking_id" TEXT,
    "offered_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "waiting_list_entries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "waiting_list_entries_quantity_check" CHECK ("quantity" > 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "waiting_list_entries_offered_booking_id_key" ON "waiting_list_entries"("offered_booking_id");

-- CreateIndex
CREATE INDEX "waiting_list_entries_event_id_status_joined_at_id_idx" ON "waiting_list_entries"("event_id", "status", "joined_at", "id");

-- CreateIndex
CREATE INDEX "waiting_list_entries_user_id_idx" ON "waiting_list_entries"("user_id");

-- One active place per buyer and event, whatever two requests do at once.
CREATE UNIQUE INDEX "waiting_list_entries_active_key" ON "waiting_list_entries"("event_id", "user_id") WHERE "status" IN ('waiting', 'offered');

-- AddForeignKey
ALTER TABLE "waiting_list_entries" ADD CONSTRAINT "waiting_list_entries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waiting_list_entries" ADD CONSTRAINT "waiting_list_entries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waiting_list_entries" ADD CONSTRAINT "waiting_list_entries_offered_booking_id_fkey" FOREIGN KEY ("offered_booking_id") REFERENCES "bookings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
