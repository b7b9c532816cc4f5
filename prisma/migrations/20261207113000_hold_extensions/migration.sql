-- How many more times the owner may ask for more time on a hold (POST /bookings/:id/extend).
-- Existing bookings have none left: only holds made from now on may be extended.
ALTER TABLE "bookings" ADD COLUMN "extensions_left" INTEGER NOT NULL DEFAULT 0;
