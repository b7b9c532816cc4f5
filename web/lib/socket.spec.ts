import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireSocket, reconnectsAfter } from './socket';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A sign-in token that runs out at `exp` (seconds since the epoch). */
const tokenUntil = (exp: number) =>
  `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: 'usr_alice', email: 'alice@example.com', name: 'Alice', role: 'user', iat: 0, exp })}.signature`;

/** A socket.io client socket that never touches the network: the test plays the server's part. */
class FakeSocket extends EventEmitter {
  connect = vi.fn();
  disconnect = vi.fn();
}
const made: FakeSocket[] = [];
vi.mock('socket.io-client', () => ({
  io: () => {
    const socket = new FakeSocket();
    made.push(socket);
    return socket;
  },
}));

afterEach(() => {
  made.length = 0;
  vi.useRealTimers();
});

describe('reconnectsAfter', () => {
  const token = tokenUntil(2_000);

  it('connects again when the server closed a socket whose token is still good', () => {
    expect(reconnectsAfter('io server disconnect', token, 1_999_000)).toBe(true);
    expect(reconnectsAfter('io server disconnect', null, 1_999_000)).toBe(true);
  });

  it('leaves the socket closed when the server closed it because its token ran out', () => {
    expect(reconnectsAfter('io server disconnect', token, 2_000_000)).toBe(false);
    expect(reconnectsAfter('io server disconnect', token, 3_000_000)).toBe(false);
  });

  it('leaves every other close to socket.io: its own reconnection, or the page closing it', () => {
    for (const reason of ['io client disconnect', 'transport close', 'transport error', 'ping timeout', 'parse error'] as const) {
      expect(reconnectsAfter(reason, token, 1_999_000)).toBe(false);
    }
  });
});

describe('acquireSocket', () => {
  it('connects a borrowed socket the server closed again while its token is good, and not once nobody borrows it', () => {
    vi.useFakeTimers();
    const lease = acquireSocket(tokenUntil(Math.floor(Date.now() / 1000) + 3_600));
    const socket = made[0]!;

    socket.emit('disconnect', 'io server disconnect');
    expect(socket.connect).toHaveBeenCalledTimes(1);

    lease.release();
    socket.emit('disconnect', 'io server disconnect');
    expect(socket.connect).toHaveBeenCalledTimes(1);
    vi.runAllTimers();
  });

  it('connects a new socket a task after it is borrowed, not in the task of the component that borrows it', () => {
    vi.useFakeTimers();
    const first = acquireSocket(null);
    const socket = made[0]!;
    expect(socket.connect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(socket.connect).toHaveBeenCalledTimes(1);
    // A second borrower shares it, connected already.
    const second = acquireSocket(null);
    vi.advanceTimersByTime(0);
    expect(made).toHaveLength(1);
    expect(socket.connect).toHaveBeenCalledTimes(1);
    first.release();
    second.release();
    vi.runAllTimers();
    expect(socket.disconnect).toHaveBeenCalledTimes(1);
  });

  it("leaves a socket closed when the server closed it at its token's expiry", () => {
    vi.useFakeTimers();
    const exp = Math.floor(Date.now() / 1000) + 60;
    const lease = acquireSocket(tokenUntil(exp));
    const socket = made[0]!;

    vi.setSystemTime(exp * 1000);
    socket.emit('disconnect', 'io server disconnect');
    expect(socket.connect).not.toHaveBeenCalled();
    lease.release();
    vi.runAllTimers();
  });
});
