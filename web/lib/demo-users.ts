/** The seeded demo accounts (docs/architecture.md §7); offered only in demo mode. */
export interface DemoUser {
  name: string;
  email: string;
}

export const DEMO_PASSWORD = 'password123';

export const DEMO_USERS: readonly DemoUser[] = [
  { name: 'Alice', email: 'alice@example.com' },
  { name: 'Bob', email: 'bob@example.com' },
  { name: 'Charlie', email: 'charlie@example.com' },
  { name: 'Admin', email: 'admin@example.com' },
];
