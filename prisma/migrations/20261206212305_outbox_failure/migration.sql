-- A message Kafka can never take (too large, refused) is set aside with its reason, so the messages behind it still go out.
ALTER TABLE "outbox_messages" ADD COLUMN "failure" TEXT;
