-- AlterTable
ALTER TABLE "bookings" ADD COLUMN     "card_token" TEXT,
ADD COLUMN     "charge_payment_id" TEXT,
ADD COLUMN     "refund_payment_id" TEXT;
