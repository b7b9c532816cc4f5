import type { IncomingMessage } from 'node:http';

export type Trust = (address: string, hop: number) => boolean;

export declare function trustedProxies(value?: string): Trust;
export declare function stampBrowserAddress(req: IncomingMessage, trust: Trust): void;
export declare function browserAddressOf(headers: Headers): string | undefined;
