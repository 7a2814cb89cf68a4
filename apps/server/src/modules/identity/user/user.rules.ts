/** 21 CFR 11.300(d): repeated failures lock the account for a while and are reported. */
export const lockoutPolicy = { maxFailedAttempts: 5, lockMinutes: 15 };

export interface LoginState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export function computeFailedLogin(state: LoginState, now: Date, policy = lockoutPolicy): LoginState & { lockedNow: boolean } {
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= policy.maxFailedAttempts) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000), lockedNow: true };
  }
  return { failedAttempts, lockedUntil: state.lockedUntil, lockedNow: false };
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && new Date(lockedUntil).getTime() > now.getTime();
}

/** Roles named in a request must exist; unknown keys are a client error, not silently dropped. */
export function checkRoleKeys(requested: string[], known: string[]): string[] {
  return requested.filter((key) => !known.includes(key));
}
