import { checkUdiDi } from '../shared/validators.ts';
import type { PackagingLevel } from './types.ts';

export type PackagingProblem =
  | { index: number; field: 'name'; code: 'required' }
  | { index: number; field: 'quantity'; code: 'unitIsOne' | 'positive' }
  | { index: number; field: 'udiDi'; code: 'digits' | 'checkDigit' | 'duplicate' };

/**
 * Client mirror of the server's packaging checks: levels 0…n (the form numbers them), the unit level
 * holds exactly 1, quantities are whole base units, valid (GS1 check digit) and distinct DIs.
 */
export function packagingProblems(levels: ReadonlyArray<Pick<PackagingLevel, 'name' | 'udiDi' | 'quantity'>>): PackagingProblem[] {
  const problems: PackagingProblem[] = [];
  const seen = new Map<string, number>();
  levels.forEach((l, index) => {
    if (!l.name?.trim()) problems.push({ index, field: 'name', code: 'required' });
    const q = Number(l.quantity);
    if (index === 0 && q !== 1) problems.push({ index, field: 'quantity', code: 'unitIsOne' });
    else if (!Number.isInteger(q) || q < 1) problems.push({ index, field: 'quantity', code: 'positive' });
    const di = l.udiDi?.trim();
    if (di) {
      const p = checkUdiDi(di);
      if (p) problems.push({ index, field: 'udiDi', code: p });
      else if (seen.has(di)) problems.push({ index, field: 'udiDi', code: 'duplicate' });
      seen.set(di, index);
    }
  });
  return problems;
}

/** Form rows → request levels: numbered 0…n in order, blanks as null. */
export function toPackagingLevels(rows: ReadonlyArray<{ name: string; udiDi?: string | null; quantity: number | string }>): PackagingLevel[] {
  return rows.map((r, level) => ({ level, name: r.name.trim(), udiDi: r.udiDi?.trim() || null, quantity: Number(r.quantity) }));
}

/** How many packages of the level below one package holds (e.g. a case of 10 boxes). */
export function childCount(levels: ReadonlyArray<Pick<PackagingLevel, 'quantity'>>, index: number): number | null {
  if (index === 0) return null;
  const below = levels[index - 1]?.quantity;
  const here = levels[index]?.quantity;
  if (!below || !here || here % below !== 0) return null;
  return here / below;
}
