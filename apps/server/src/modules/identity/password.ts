import { hash, verify } from '@node-rs/argon2';

// argon2id (Algorithm.Argon2id = 2) with the library's OWASP-level defaults.
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function checkPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** 21 CFR 11.300: passwords long enough to resist guessing; checked on set, never logged. */
export const passwordPolicy = { minLength: 10 };
