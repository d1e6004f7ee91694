/**
 * The calendar day at the restaurant, which names the day's order numbers. It
 * comes from the location's time zone, not the server's: a server in UTC must
 * not start Dublin's numbers over at 1am in summer.
 */
export function businessDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
