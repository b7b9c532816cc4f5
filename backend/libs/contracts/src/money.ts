/**
 * How Seatstorm writes money, the same in the web app and in notifications:
 * the contract carries integer cents without a currency, and every price is
 * in US dollars. A fixed locale, so the output never depends on the host.
 */
const LOCALE = 'en-US';
const CURRENCY = 'USD';

const wholeDollars = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY, minimumFractionDigits: 0, maximumFractionDigits: 0 });
const dollarsAndCents = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY });

/** 15000 → "$150", 4550 → "$45.50", 123456 → "$1,234.56". */
export function formatMoney(cents: number): string {
  return cents % 100 === 0 ? wholeDollars.format(cents / 100) : dollarsAndCents.format(cents / 100);
}
