-- A booking's amount is seats × price: eight seats at $2.68M passed what a 32-bit integer holds, and the
-- batch deciding the hold failed. Booking money is stored as 64-bit cents.
ALTER TABLE "booking_seats" ALTER COLUMN "price" SET DATA TYPE BIGINT;

ALTER TABLE "bookings" ALTER COLUMN "amount" SET DATA TYPE BIGINT;
