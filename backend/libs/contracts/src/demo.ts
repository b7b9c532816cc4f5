import type { UserRole } from './statuses';

/**
 * The seeded demo accounts (docs/architecture.md §7), in demo mode only: a
 * production deployment seeds no users. The seed creates them, the web app
 * offers them as one-click sign-ins, the end-to-end tests sign in as them.
 */
export const DEMO_PASSWORD = 'password123';

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'usr_alice', email: 'alice@example.com', name: 'Alice', role: 'user' },
  { id: 'usr_bob', email: 'bob@example.com', name: 'Bob', role: 'user' },
  { id: 'usr_charlie', email: 'charlie@example.com', name: 'Charlie', role: 'user' },
  { id: 'usr_admin', email: 'admin@example.com', name: 'Admin', role: 'admin' },
];

/**
 * The seeded door staff account (role `staff`): checks tickets in, and buys nothing.
 * Kept out of DEMO_USERS, which are the buyers and the admin the web app's one-click
 * sign-in and race lab offer; a scanner page offers this one.
 */
export const DEMO_STAFF: DemoUser = { id: 'usr_staff', email: 'staff@example.com', name: 'Door Staff', role: 'staff' };

/** Every seeded demo account. */
export const DEMO_ACCOUNTS: readonly DemoUser[] = [...DEMO_USERS, DEMO_STAFF];
