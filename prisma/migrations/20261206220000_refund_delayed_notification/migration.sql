-- Owners are told when a refund is still not made after its quick retries.
ALTER TYPE "NotificationKind" ADD VALUE 'refund_delayed';
