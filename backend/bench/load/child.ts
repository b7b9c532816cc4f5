import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * A bench process of its own (a TypeScript file run under tsx), spoken to over
 * IPC: load generators and watchers must not share an event loop with each
 * other or with what they measure.
 */
export class BenchChild<Command extends { type: string }, Report extends { type: string }> {
  private readonly child: ChildProcess;
  private readonly exited: Promise<never>;

  constructor(script: string) {
    this.child = fork(script, [], { execArgv: ['--import', 'tsx'] });
    this.exited = once(this.child, 'exit').then(([code]) => {
      throw new Error(`bench process ${script} exited (code ${String(code)})`);
    });
    this.exited.catch(() => undefined);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends `command` and resolves with the next report of type `answer`; fails if the process exits first. */
  ask<T extends Report['type']>(command: Command, answer: T): Promise<Extract<Report, { type: T }>> {
    const report = new Promise<Extract<Report, { type: T }>>((resolveReport) => {
      const onMessage = (received: Report) => {
        if (received.type !== answer) return;
        this.child.off('message', onMessage);
        resolveReport(received as Extract<Report, { type: T }>);
      };
      this.child.on('message', onMessage);
    });
    this.child.send(command);
    return Promise.race([report, this.exited]);
  }

  /** Sends `command` without waiting for an answer. */
  tell(command: Command): void {
    this.child.send(command);
  }

  kill(): void {
    this.child.kill();
  }
}
