-- The dead-letter topic's consumer keeps every dead letter for an operator (npm run dlq).
-- CreateTable
CREATE TABLE "dead_letters" (
    "payment_id" TEXT NOT NULL,
    "kind" "PaymentKind" NOT NULL,
    "booking_id" TEXT NOT NULL,
    "request" JSONB NOT NULL,
    "error" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "failed_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replays" INTEGER NOT NULL DEFAULT 0,
    "replayed_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "dead_letters_pkey" PRIMARY KEY ("payment_id")
);

-- CreateIndex
CREATE INDEX "dead_letters_resolved_at_idx" ON "dead_letters"("resolved_at");
