import { beforeAll, describe, expect, it } from 'vitest';
import { PasswordsService } from './passwords.service';

describe('PasswordsService', () => {
  const passwords = new PasswordsService();
  let stored: string;

  beforeAll(async () => {
    await passwords.onModuleInit();
    stored = await passwords.hash('correct horse battery');
  });

  it('hashes with argon2id and a fresh salt each time', async () => {
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await passwords.hash('correct horse battery')).not.toBe(stored);
  });

  it('accepts the password and nothing else', async () => {
    expect(await passwords.verify(stored, 'correct horse battery')).toBe(true);
    expect(await passwords.verify(stored, 'correct horse batter')).toBe(false);
    expect(await passwords.verify('not a hash', 'correct horse battery')).toBe(false);
  });

  it('spends a real verification when there is no account, so an unknown email is not answered faster', async () => {
    const fastest = async (run: () => Promise<boolean>) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const started = performance.now();
        expect(await run()).toBe(false);
        times.push(performance.now() - started);
      }
      return Math.min(...times);
    };
    const wrongPassword = await fastest(() => passwords.verify(stored, 'wrong password'));
    const noAccount = await fastest(() => passwords.verify(undefined, 'wrong password'));
    expect(noAccount).toBeGreaterThan(wrongPassword * 0.5);
  });
});
