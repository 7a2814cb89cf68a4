import type { RuleVersion } from './types.ts';

/**
 * The version of each rule in force today per region it was published for (national '*' or a
 * province): the highest version whose effective period contains the date. A regional version
 * overrides the national one in its region only, as the server's rule selection does.
 */
export function inForceRuleIds(rules: readonly RuleVersion[], date: string): Set<string> {
  const best = new Map<string, RuleVersion>();
  for (const r of rules) {
    if (r.effectiveFrom.slice(0, 10) > date) continue;
    if (r.effectiveTo && r.effectiveTo.slice(0, 10) < date) continue;
    const key = `${r.ruleKey}\u0000${r.region}`;
    const current = best.get(key);
    if (!current || current.version < r.version) best.set(key, r);
  }
  return new Set([...best.values()].map((r) => r.id));
}

/** Rule parameters typed as JSON: an object, or empty text for {}. */
export function parseRuleParams(text: string | undefined): { ok: true; value: Record<string, unknown> } | { ok: false } {
  const s = (text ?? '').trim();
  if (!s) return { ok: true, value: {} };
  try {
    const v: unknown = JSON.parse(s);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return { ok: true, value: v as Record<string, unknown> };
    return { ok: false };
  } catch {
    return { ok: false };
  }
}
