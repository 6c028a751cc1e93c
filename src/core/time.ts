// Pure: the one set of time helpers (days, ISO forms).
export const DAY_MS = 86_400_000;

/** `2026-12-01T10:20:30Z`: ISO 8601 UTC without milliseconds, as outputs and the signature timestamp use it. */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** `2026-12-01`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `1 day`, `-1 day`, `30 days`: a count of days for a sentence. */
export function dayCount(count: number): string {
  return `${count} ${Math.abs(count) === 1 ? 'day' : 'days'}`;
}
