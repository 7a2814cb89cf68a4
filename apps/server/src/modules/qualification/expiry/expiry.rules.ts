export type ExpiryState = 'valid' | 'expiring' | 'expired';

/** valid → expiring N days ahead (inclusive) → expired the day after validTo. */
export function classifyExpiry(validTo: string | null, today: string, warningDays: number): ExpiryState {
  if (validTo === null) return 'valid';
  if (validTo < today) return 'expired';
  const left = Math.round((Date.parse(`${validTo}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return left <= warningDays ? 'expiring' : 'valid';
}

export function daysLeft(validTo: string, today: string): number {
  return Math.round((Date.parse(`${validTo}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
