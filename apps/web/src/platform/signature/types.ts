/** Meanings of an electronic signature (21 CFR 11.50(a)(3)). */
export type SignatureMeaning = 'approved' | 'reviewed' | 'rejected' | 'released' | 'responsible';

export const SIGNATURE_MEANINGS: readonly SignatureMeaning[] = ['approved', 'reviewed', 'rejected', 'released', 'responsible'];

/** A signature as manifested on a record: printed name, date-time and meaning (21 CFR 11.50). */
export interface SignatureView {
  meaning: string;
  signerName: string;
  signedAt: string;
  valid: boolean;
}

/** Body of every signing request. */
export interface SignaturePayload {
  signature: { password: string; meaning: SignatureMeaning };
  reason?: string;
}

export function isSignatureMeaning(v: unknown): v is SignatureMeaning {
  return typeof v === 'string' && (SIGNATURE_MEANINGS as readonly string[]).includes(v);
}

/** Builds the request body; an empty reason is left out rather than sent as "". */
export function buildSignaturePayload(input: { password: string; meaning: SignatureMeaning; reason?: string | null }): SignaturePayload {
  const reason = input.reason?.trim();
  return reason ? { signature: { password: input.password, meaning: input.meaning }, reason } : { signature: { password: input.password, meaning: input.meaning } };
}
