import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@seatstorm/config';
import { createPgPool } from '@seatstorm/database';
import { MessageProducer } from '@seatstorm/kafka';
import { DeadLettersRepository, type StoredDeadLetter } from './dead-letters.repository';
import { DeadLettersService, type Replay } from './dead-letters.service';

/**
 * `npm run dlq -- list [--all] | show <paymentId> | replay <paymentId> | replay --all`:
 * the operator's view of `Topic.PaymentDlq`, through the payment service's own
 * repository and service (docs/architecture.md §9).
 */
const USAGE = 'usage: npm run dlq -- list [--all] | show <paymentId> | replay <paymentId> | replay --all';

/** Runs one command and returns the exit code: 0 done, 1 no such dead letter, 2 bad usage. */
export async function runDlq(args: readonly string[], deadLetters: DeadLettersService, write: (line: string) => void): Promise<number> {
  const [command, target, ...extra] = args;
  if (extra.length > 0) return usage(write);
  switch (command) {
    case 'list': {
      if (target !== undefined && target !== '--all') return usage(write);
      const listed = await deadLetters.list(target === '--all');
      write(`${listed.length} ${target === '--all' ? '' : 'open '}dead letter${listed.length === 1 ? '' : 's'}`);
      for (const deadLetter of listed) write(summaryOf(deadLetter));
      return 0;
    }
    case 'show': {
      if (!target || target.startsWith('--')) return usage(write);
      const deadLetter = await deadLetters.show(target);
      if (!deadLetter) return unknown(write, target);
      write(JSON.stringify(deadLetter, null, 2));
      return 0;
    }
    case 'replay': {
      if (!target) return usage(write);
      if (target === '--all') {
        const replayed = await deadLetters.replayOpen();
        write(`${replayed.length} dead letter${replayed.length === 1 ? '' : 's'} replayed`);
        for (const deadLetter of replayed) write(replayOutcomeOf(deadLetter));
        return 0;
      }
      const replayed = await deadLetters.replay(target);
      if (!replayed) return unknown(write, target);
      write(replayOutcomeOf(replayed));
      return 0;
    }
    default:
      return usage(write);
  }
}

function usage(write: (line: string) => void): number {
  write(USAGE);
  return 2;
}

function unknown(write: (line: string) => void, paymentId: string): number {
  write(`no dead letter for payment ${paymentId}`);
  return 1;
}

function summaryOf(deadLetter: StoredDeadLetter): string {
  return [
    deadLetter.paymentId,
    deadLetter.kind,
    deadLetter.bookingId,
    `failed ${deadLetter.failedAt.toISOString()}`,
    `${deadLetter.attempts} attempts`,
    `payment ${deadLetter.paymentStatus ?? 'missing'}`,
    `${deadLetter.replays} replays`,
    deadLetter.resolvedAt ? `resolved ${deadLetter.resolvedAt.toISOString()}` : 'open',
    deadLetter.error,
  ].join('  ');
}

function replayOutcomeOf(replay: Replay): string {
  const what = `replayed ${replay.paymentId} (${replay.kind}, payment ${replay.paymentStatus ?? 'missing'})`;
  return replay.resolved
    ? `${what}: its outcome is announced again, nothing is charged twice; resolved`
    : `${what}: its next attempt is due now; the dead letter stays open until the payment goes through`;
}

async function main(): Promise<void> {
  // The command's own lines are its output; the services' logs would only get in the way.
  Logger.overrideLogger(false);
  const config = loadConfig();
  const pool = createPgPool(config.DATABASE_URL, 2);
  const producer = new MessageProducer(config, 'payment-dlq');
  try {
    const service = new DeadLettersService(new DeadLettersRepository(pool), producer);
    process.exitCode = await runDlq(process.argv.slice(2), service, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await producer.onApplicationShutdown();
    await pool.end();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
