-- Seats per event, tier and status, kept in step with `seats` by the triggers
-- below, in the same transaction as the change: GET /events reads a few rows
-- per event instead of counting every seat of every event.
CREATE TABLE "event_seat_counts" (
    "event_id" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "status" "SeatStatus" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "event_seat_counts_pkey" PRIMARY KEY ("event_id","tier","status")
);

ALTER TABLE "event_seat_counts" ADD CONSTRAINT "event_seat_counts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "event_seat_counts" ("event_id", "tier", "status", "count")
SELECT "event_id", "tier", "status", count(*)::int FROM "seats" GROUP BY 1, 2, 3;

-- Statement-level triggers: one batch of the booking core (one UPDATE of many
-- seats) adds one grouped upsert, not one per seat. Rows are upserted in key
-- order so two statements touching the same counts never deadlock.
CREATE FUNCTION "event_seat_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "event_seat_counts" AS c ("event_id", "tier", "status", "count")
    SELECT "event_id", "tier", "status", count(*)::int FROM "new_seats" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("event_id", "tier", "status") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "event_seat_counts" AS c ("event_id", "tier", "status", "count")
    SELECT "event_id", "tier", "status", sum("delta")::int FROM (
      SELECT "event_id", "tier", "status", 1 AS "delta" FROM "new_seats"
      UNION ALL
      SELECT "event_id", "tier", "status", -1 AS "delta" FROM "old_seats"
    ) AS "changes"
    GROUP BY 1, 2, 3 HAVING sum("delta") <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("event_id", "tier", "status") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
  ELSE
    -- Only ever down, and never a new row: when a whole event is deleted its counts go with it.
    UPDATE "event_seat_counts" AS c SET "count" = c."count" - d."removed"
      FROM (SELECT "event_id", "tier", "status", count(*)::int AS "removed" FROM "old_seats" GROUP BY 1, 2, 3) AS d
     WHERE c."event_id" = d."event_id" AND c."tier" = d."tier" AND c."status" = d."status";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "seats_counted_on_insert" AFTER INSERT ON "seats"
  REFERENCING NEW TABLE AS "new_seats" FOR EACH STATEMENT EXECUTE FUNCTION "event_seat_counts_apply"();
CREATE TRIGGER "seats_counted_on_update" AFTER UPDATE ON "seats"
  REFERENCING OLD TABLE AS "old_seats" NEW TABLE AS "new_seats" FOR EACH STATEMENT EXECUTE FUNCTION "event_seat_counts_apply"();
CREATE TRIGGER "seats_counted_on_delete" AFTER DELETE ON "seats"
  REFERENCING OLD TABLE AS "old_seats" FOR EACH STATEMENT EXECUTE FUNCTION "event_seat_counts_apply"();
