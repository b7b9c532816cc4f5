import { InfraError, infraDown, infraStatus, infraUp, type ComponentStatus, type InfraStatus } from './index';

const USAGE = `usage: tsx scripts/infra/cli.ts <command>

  up       start what is missing (PostgreSQL, Redis, Kafka) and create every topic
  down     stop what \`up\` started (never the machine's own PostgreSQL or Redis)
  status   show each component: up/down, address, pid, who started it

environment (defaults):
  KAFKA_BROKERS          127.0.0.1:9092
  KAFKA_CONTROLLER_PORT  9093
  DATABASE_URL           postgresql://postgres@127.0.0.1:5432/seatstorm
  REDIS_URL              redis://127.0.0.1:6379`;

async function run(command: string | undefined): Promise<number> {
  switch (command) {
    case 'up':
      await infraUp();
      return 0;
    case 'down':
      await infraDown();
      return 0;
    case 'status':
      printStatus(await infraStatus());
      return 0;
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      console.error(command === undefined ? USAGE : `unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

function printStatus(status: InfraStatus): void {
  for (const [name, component] of Object.entries(status)) {
    const columns = [
      name.padEnd(9),
      (component.up ? 'up' : 'down').padEnd(5),
      component.address.padEnd(26),
      (component.pid === undefined ? '-' : `pid ${component.pid}`).padEnd(10),
      ownerLabel(component).padEnd(21),
      component.detail,
    ];
    console.log(`[infra] ${columns.join(' ').trimEnd()}`);
  }
}

function ownerLabel(component: ComponentStatus): string {
  if (component.startedBy === 'infra') return 'started by infra';
  return component.up ? 'not started by infra' : '-';
}

run(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof InfraError ? `[infra] error: ${error.message}` : error);
    process.exitCode = 1;
  },
);
