/** GS1 dates: YYMMDD with the sliding century window and DD=00 meaning end of month (GS1-04). */

/**
 * GenSpecs 7.12: with C = current two-digit year, YY − C in 51…99 means the
 * previous century, in −99…−50 the next century, otherwise the current one.
 */
export function resolveYear(yy: number, today: Date): number {
  const year = today.getUTCFullYear();
  const century = year - (year % 100);
  const diff = yy - (year % 100);
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Month 1…12. Avoids Date.UTC, which maps years 0…99 to 1900…1999. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Calendar check; day 0 is the last day of the month when allowed. Returns ISO yyyy-mm-dd or null. */
export function calendarDate(year: number, month: number, day: number, allowZeroDay: boolean): string | null {
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(year, month);
  if (day === 0 && allowZeroDay) day = last;
  if (day < 1 || day > last) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const SIX_DIGITS = /^\d{6}$/;
const EIGHT_DIGITS = /^\d{8}$/;

/** YYMMDD → ISO date using the century window; null when not a calendar date. */
export function yymmddToIso(value: string, today: Date, allowZeroDay = true): string | null {
  if (!SIX_DIGITS.test(value)) return null;
  const year = resolveYear(Number(value.slice(0, 2)), today);
  return calendarDate(year, Number(value.slice(2, 4)), Number(value.slice(4, 6)), allowZeroDay);
}

export function yyyymmddToIso(value: string, allowZeroDay = false): string | null {
  if (!EIGHT_DIGITS.test(value)) return null;
  return calendarDate(Number(value.slice(0, 4)), Number(value.slice(4, 6)), Number(value.slice(6, 8)), allowZeroDay);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * ISO yyyy-mm-dd → YYMMDD, only when the century window maps it back to the
 * same year (otherwise the barcode would be read as another century).
 */
export function isoToYymmdd(iso: string, today: Date): string | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (calendarDate(year, month, day, false) === null) return null;
  if (resolveYear(year % 100, today) !== year) return null;
  return pad(year % 100, 2) + pad(month, 2) + pad(day, 2);
}

/** ISO 8601 ordinal date (year, day-of-year) → yyyy-mm-dd, or null. Used by ISBT 128 dates. */
export function ordinalToIso(year: number, dayOfYear: number): string | null {
  if (dayOfYear < 1 || dayOfYear > (isLeapYear(year) ? 366 : 365)) return null;
  let month = 1;
  let day = dayOfYear;
  while (day > daysInMonth(year, month)) day -= daysInMonth(year, month++);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
