/*
  Warnings:

  - A unique constraint covering the columns `[booking_id,kind]` on the table `notifications` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateIndex
CREATE UNIQUE INDEX "notifications_booking_id_kind_key" ON "notifications"("booking_id", "kind");
