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
