import type { BookingEvent, BookingStatus } from '@seatstorm/contracts';
import { describe, expect, it } from 'vitest';
import { notificationContentOf, notificationKindOf, refundDelayedContentOf } from './notification.rules';

const ERAS = 'Taylor Swift – The Eras Tour';

function bookingEvent(status: BookingStatus, overrides: Partial<BookingEvent> = {}): BookingEvent {
  return {
    bookingId: 'bkg_1',
    eventId: 'evt_eras',
    userId: 'usr_alice',
    status,
    seatIds: ['evt_eras_A1', 'evt_eras_A2'],
    amount: 45000,
    expiresAt: null,
    reason: null,
    failureCode: null,
    extensionsLeft: 0,
    createdAt: '2026-11-22T09:50:00.000Z',
    updatedAt: '2026-11-22T10:00:00.000Z',
    commandId: 'cmd_1',
    occurredAt: '2026-11-22T10:00:00.000Z',
    ...overrides,
  };
}

describe('notification rules', () => {
  it('tells people about confirmations, failed payments, expiries, refunds and cancellations only', () => {
    expect(notificationKindOf('confirmed')).toBe('confirmed');
    expect(notificationKindOf('payment_failed')).toBe('payment_failed');
    expect(notificationKindOf('expired')).toBe('expired');
    expect(notificationKindOf('refunded')).toBe('refunded');
    expect(notificationKindOf('cancelled')).toBe('cancelled');
    for (const status of ['pending', 'reserved', 'paid', 'rejected'] as const) expect(notificationKindOf(status)).toBeNull();
  });

  it('tells a buyer in a waiting list that seats are held for them, and until when', () => {
    expect(notificationKindOf('reserved', true)).toBe('waiting_list_offer');
    // Once paid or ended, the offer's booking notifies as any other does.
    expect(notificationKindOf('confirmed', true)).toBe('confirmed');
    expect(notificationKindOf('expired', true)).toBe('expired');
    const offer = bookingEvent('reserved', { waitingListOffer: true, expiresAt: '2026-11-22T10:10:00.000Z' });
    expect(notificationContentOf('waiting_list_offer', offer, ERAS)).toEqual({
      title: 'Seats are held for you from the waiting list until 10:10 UTC',
      body: `Seats A1 and A2 for ${ERAS} are yours to pay for at checkout until then; unpaid, they go on general sale.`,
    });
  });

  it('confirms with the show, the seats and what was paid', () => {
    expect(notificationContentOf('confirmed', bookingEvent('confirmed'), ERAS)).toEqual({
      title: `You're going! 2 seats for ${ERAS} are confirmed`,
      body: 'Seats A1 and A2 are yours; $450 was charged to your card.',
    });
    const one = notificationContentOf('confirmed', bookingEvent('confirmed', { seatIds: ['evt_eras_C7'], amount: 15050 }), ERAS);
    expect(one).toEqual({
      title: `You're going! 1 seat for ${ERAS} is confirmed`,
      body: 'Seat C7 is yours; $150.50 was charged to your card.',
    });
  });

  it('passes on why a payment failed, as a sentence', () => {
    const declined = notificationContentOf('payment_failed', bookingEvent('payment_failed', { reason: 'Card declined' }), ERAS);
    expect(declined.title).toBe(`Payment failed for ${ERAS}`);
    expect(declined.body).toBe('Card declined. Seats A1 and A2 were released; pick seats again to try another card.');
    const unavailable = notificationContentOf(
      'payment_failed',
      bookingEvent('payment_failed', { reason: 'The payment provider is unavailable; no charge was made.' }),
      ERAS,
    );
    expect(unavailable.body).toMatch(/^The payment provider is unavailable; no charge was made\. Seats A1/);
    expect(notificationContentOf('payment_failed', bookingEvent('payment_failed'), ERAS).body).toMatch(/^Your payment did not go through\./);
  });

  it('explains expiries, refunds and cancellations', () => {
    const three = { seatIds: ['evt_eras_A1', 'evt_eras_A2', 'evt_eras_B9'], amount: 63000 };
    expect(notificationContentOf('expired', bookingEvent('expired', three), ERAS)).toEqual({
      title: `Your hold on 3 seats for ${ERAS} expired`,
      body: 'Seats A1, A2 and B9 were released because payment was not completed in time.',
    });
    expect(notificationContentOf('refunded', bookingEvent('refunded'), ERAS)).toEqual({
      title: `$450 refunded for ${ERAS}`,
      body: '$450 for seats A1 and A2 is on its way back to your card.',
    });
    expect(notificationContentOf('cancelled', bookingEvent('cancelled', { seatIds: ['evt_eras_A1'] }), ERAS)).toEqual({
      title: `Booking cancelled for ${ERAS}`,
      body: 'You cancelled your hold; seat A1 is open to others again.',
    });
  });

  it('tells the owner a refund is delayed, not forgotten, and that they will hear when it lands', () => {
    expect(refundDelayedContentOf(45000, ERAS)).toEqual({
      title: `Your $450 refund for ${ERAS} is delayed`,
      body: "The payment provider did not answer. We keep trying, and we'll tell you as soon as $450 is on its way back to your card.",
    });
    expect(notificationKindOf('refunded')).toBe('refunded');
  });
});
