-- Door staff: people who check tickets in at the door (POST /check-in) and may do nothing else an admin may.
-- A migration of its own: PostgreSQL lets no statement of the transaction that adds an enum value use it.
ALTER TYPE "UserRole" ADD VALUE 'staff';
