/** Receives one progress line at a time, without a trailing newline. */
export type Logger = (line: string) => void;

export const consoleLogger: Logger = (line) => {
  console.log(`[infra] ${line}`);
};

export const silentLogger: Logger = () => undefined;

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
