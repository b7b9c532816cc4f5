-- The code of a booking's failure beside its reason (a rejected hold's, a failed payment's), for
-- clients to switch on instead of reading the words. Text, as the contract's error codes grow at the end.
ALTER TABLE "bookings" ADD COLUMN "failure_code" TEXT;
