-- Payments are attempted by a poller on a schedule instead of inside the
-- Kafka handler: each keeps its request, its next attempt's time, the lease
-- of the instance working on it, and when its dead letter was sent.
ALTER TABLE "payments" ADD COLUMN "request" JSONB,
ADD COLUMN "next_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN "claimed_until" TIMESTAMPTZ(3),
ADD COLUMN "dead_lettered_at" TIMESTAMPTZ(3);

-- Payments made before keep the request they were made from, as the booking holds it.
UPDATE "payments" AS p
   SET "request" = jsonb_build_object(
         'kind', p."kind",
         'paymentId', p."id",
         'bookingId', p."booking_id",
         'eventId', b."event_id",
         'userId', b."user_id",
         'amount', p."amount",
         'cardToken', COALESCE(b."card_token", 'tok_unknown'),
         'requestedAt', to_char(p."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  FROM "bookings" AS b
 WHERE b."id" = p."booking_id";

ALTER TABLE "payments" ALTER COLUMN "request" SET NOT NULL;

-- A payment left pending mid-retry is taken up at once; dead letters already sent are not sent again.
UPDATE "payments" SET "next_attempt_at" = now() WHERE "status" = 'pending';
UPDATE "payments" SET "dead_lettered_at" = "updated_at" WHERE "status" = 'dead_lettered';

-- CreateIndex
CREATE INDEX "payments_next_attempt_at_idx" ON "payments"("next_attempt_at");
