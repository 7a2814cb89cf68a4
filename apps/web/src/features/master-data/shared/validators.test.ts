import { describe, expect, it } from 'vitest';
import { changedFields, checkCreditCode, checkUdiDi, gs1CheckDigit } from './validators.ts';
import { listParamsFromSearch, nextSearch } from './listParams.ts';
import { pendingApproval, visibleActions } from './types.ts';

describe('UDI-DI (GTIN-14)', () => {
  it('computes the GS1 check digit', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1); // EAN-13 4006381333931
    expect(gs1CheckDigit('0400638133393')).toBe(1); // same as GTIN-14
  });

  it('accepts 14 digits with a valid check digit', () => {
    expect(checkUdiDi('04006381333931')).toBeNull();
  });

  it('rejects wrong length, non-digits and bad check digits', () => {
    expect(checkUdiDi('4006381333931')).toBe('digits');
    expect(checkUdiDi('0400638133393X')).toBe('digits');
    expect(checkUdiDi('04006381333932')).toBe('checkDigit');
  });
});

describe('统一社会信用代码', () => {
  it('accepts a valid code', () => {
    expect(checkCreditCode('91350100M000100Y43')).toBeNull();
    expect(checkCreditCode('91110000600037341L')).toBeNull();
  });

  it('rejects bad format and check character', () => {
    expect(checkCreditCode('91350100M000100Y4')).toBe('format');
    expect(checkCreditCode('91350100M000100YI3')).toBe('format');
    expect(checkCreditCode('91350100M000100Y44')).toBe('checkDigit');
  });
});

describe('changedFields', () => {
  it('keeps only changed keys', () => {
    expect(changedFields({ a: 1, b: 'x', k: ['s'] }, { a: 1, b: 'y', k: ['s'] })).toEqual({ b: 'y' });
    expect(changedFields({ k: ['s'] }, { k: ['s', 'c'] })).toEqual({ k: ['s', 'c'] });
    expect(changedFields({ a: null as string | null }, { a: '2' })).toEqual({ a: '2' });
  });
});

describe('list params', () => {
  it('maps page/size to limit/offset', () => {
    expect(listParamsFromSearch(new URLSearchParams('q=%20abc%20&status=draft&page=3&size=50'))).toEqual({ q: 'abc', status: 'draft', limit: 50, offset: 100, page: 3 });
    expect(listParamsFromSearch(new URLSearchParams('page=-1&size=7'))).toEqual({ q: undefined, status: undefined, limit: 20, offset: 0, page: 1 });
  });

  it('resets the page when filters change', () => {
    const s = nextSearch(new URLSearchParams('page=4&q=a'), { status: 'approved' });
    expect(s.get('page')).toBeNull();
    expect(s.get('status')).toBe('approved');
    expect(nextSearch(s, { q: null }).has('q')).toBe(false);
  });
});

describe('visibleActions', () => {
  it('follows the server in a stable order and ignores unknown actions', () => {
    expect(visibleActions(['reject', 'approve'])).toEqual(['approve', 'reject']);
    expect(visibleActions(['submit', 'update', 'archive'])).toEqual(['update', 'submit']);
    expect(visibleActions(undefined)).toEqual([]);
  });
});

describe('pendingApproval', () => {
  it('reports an incomplete multi-approver rule', () => {
    expect(pendingApproval({ status: 'submitted', approvals: [{ rule: 'a', given: 1, required: 2 }, { rule: 'b', given: 1, required: 1 }] })).toEqual({ given: 1, required: 2 });
  });
  it('is null once approved or without approval progress', () => {
    expect(pendingApproval({ status: 'approved', approvals: [{ rule: 'a', given: 2, required: 2 }] })).toBeNull();
    expect(pendingApproval({ status: 'approved' })).toBeNull();
    expect(pendingApproval(undefined)).toBeNull();
  });
});
