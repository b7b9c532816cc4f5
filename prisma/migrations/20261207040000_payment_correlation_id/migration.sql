-- The correlation id of the request that asked for a payment: its attempts run later, in the background, and what they publish still names it.
ALTER TABLE "payments" ADD COLUMN "correlation_id" TEXT;
