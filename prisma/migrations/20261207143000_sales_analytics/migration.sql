-- Live sales analytics (docs/architecture.md §12): a read model the analytics
-- service keeps from `booking.events`. No foreign keys: a message must never
-- fail on a row the booking core has pruned.

-- What has been counted of each booking, each flag set once in the same
-- transaction as the counts it adds to: a replayed message counts nothing.
CREATE TABLE "analytics_bookings" (
    "booking_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "held" BOOLEAN NOT NULL DEFAULT false,
    "sold" BOOLEAN NOT NULL DEFAULT false,
    "abandoned" BOOLEAN NOT NULL DEFAULT false,
    "payment_failed" BOOLEAN NOT NULL DEFAULT false,
    "refunded" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_bookings_pkey" PRIMARY KEY ("booking_id")
);

CREATE INDEX "analytics_bookings_event_id_idx" ON "analytics_bookings"("event_id");

CREATE TABLE "analytics_event_totals" (
    "event_id" TEXT NOT NULL,
    "holds" INTEGER NOT NULL DEFAULT 0,
    "paid" INTEGER NOT NULL DEFAULT 0,
    "abandoned" INTEGER NOT NULL DEFAULT 0,
    "payment_failed" INTEGER NOT NULL DEFAULT 0,
    "refunded" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_event_totals_pkey" PRIMARY KEY ("event_id")
);

CREATE TABLE "analytics_sales_minutes" (
    "event_id" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "seats" INTEGER NOT NULL DEFAULT 0,
    "cents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "analytics_sales_minutes_pkey" PRIMARY KEY ("event_id","minute")
);

CREATE TABLE "analytics_tier_revenue" (
    "event_id" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "seats" INTEGER NOT NULL DEFAULT 0,
    "cents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "analytics_tier_revenue_pkey" PRIMARY KEY ("event_id","tier")
);
