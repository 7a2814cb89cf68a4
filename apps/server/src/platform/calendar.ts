/**
 * Business days are calendar days where the legal entity works: a licence valid to 2026-12-31 is
 * valid until midnight in China, not in UTC. One zone for now (all legal entities are in China).
 */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const dayFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** 'YYYY-MM-DD' of the instant in the business time zone. */
export function businessDay(instant: Date = new Date()): string {
  return dayFormat.format(instant);
}

/** The calendar day `days` after `day` (both 'YYYY-MM-DD'). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
