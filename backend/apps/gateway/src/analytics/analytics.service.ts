import { Injectable } from '@nestjs/common';
import { RpcPattern, type AnalyticsSpan, type EventAnalytics, type PublicUser } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { RpcClient } from '@seatstorm/kafka';

/** The gateway's view of the analytics service: its answers over Kafka, for admins only. */
@Injectable()
export class AnalyticsService {
  constructor(private readonly rpc: RpcClient) {}

  get(eventId: string, span: AnalyticsSpan, correlationId?: string): Promise<EventAnalytics> {
    return this.rpc.request(RpcPattern.AnalyticsGetEvent, { eventId, span }, correlationId);
  }

  /** A socket's user, when an admin: sales figures are the organiser's business. */
  assertAdmin(user: PublicUser | undefined): void {
    if (!user) throw new DomainError('UNAUTHORIZED', 'Sign in first: connect with auth: { token } to watch sales.');
    if (user.role !== 'admin') throw new DomainError('FORBIDDEN', 'Only an admin may watch an event’s sales.');
  }
}
