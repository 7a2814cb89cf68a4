import { describe, expect, it } from 'vitest';
import { permissionMatrix } from './matrix.ts';
import { safeNext } from './safeNext.ts';

describe('permission matrix', () => {
  it('builds sorted rows grouped by namespace', () => {
    const { rows } = permissionMatrix([
      { key: 'qa_head', permissions: ['master_data.product.approve', 'master_data.product.read'] },
      { key: 'qa_inspector', permissions: ['master_data.product.read', 'master_data.product.create'] },
      { key: 'auditor', permissions: ['audit.history.read'] },
    ]);
    expect(rows.map((r) => r.permission)).toEqual(['audit.history.read', 'master_data.product.approve', 'master_data.product.create', 'master_data.product.read']);
    expect(rows.map((r) => r.firstInGroup)).toEqual([true, true, false, false]);
    expect(rows.map((r) => r.groupSize)).toEqual([1, 3, 0, 0]);
    expect(rows[1]!.action).toBe('approve');
    expect([...rows[3]!.holders].sort()).toEqual(['qa_head', 'qa_inspector']);
  });
});

describe('post-login redirect', () => {
  it('only follows same-app paths', () => {
    expect(safeNext('/master-data/products/1')).toBe('/master-data/products/1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
