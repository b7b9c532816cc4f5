-- Housekeeping prunes recorded decisions and rejected bookings by age. Both
-- tables grow in time order, so a BRIN index finds old rows for next to
-- nothing on the hot path's inserts.
CREATE INDEX "bookings_created_at_idx" ON "bookings" USING BRIN ("created_at");

CREATE INDEX "processed_commands_created_at_idx" ON "processed_commands" USING BRIN ("created_at");
