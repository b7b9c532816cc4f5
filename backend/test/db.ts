import { Pool } from 'pg';
import { TEST_DATABASE_URL } from './test-env';

/**
 * Plain SQL for tests: builders that create rows, and assertions that read the
 * database the way an operator would, independently of the code under test.
 */
export function testDb(): Pool {
  return new Pool({ connectionString: TEST_DATABASE_URL, max: 4 });
}
