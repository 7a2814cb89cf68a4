import { describe, expect, it } from 'vitest';
import { formValuesToPartyInput, partyToFormValues } from './form.ts';
import type { PartyInput } from './types.ts';

const input: PartyInput = {
  name: '上海某某医疗器械有限公司',
  kinds: ['supplier', 'manufacturer'],
  creditCode: '91350100M000100Y43',
  licenceNo: '沪食药监械经营许20200001号',
  licenceValidTo: '2028-12-31',
  address: '上海市浦东新区',
  contact: '张三',
  phone: '021-12345678',
};

describe('party form mapping', () => {
  it('round-trips a party', () => {
    expect(formValuesToPartyInput(partyToFormValues(input))).toEqual(input);
  });

  it('orders kinds, upper-cases the credit code and nulls blanks', () => {
    const body = formValuesToPartyInput({ ...partyToFormValues(input), kinds: ['carrier', 'supplier'], creditCode: ' 91350100m000100y43 ', contact: '  ', licenceValidTo: null });
    expect(body.kinds).toEqual(['supplier', 'carrier']);
    expect(body.creditCode).toBe('91350100M000100Y43');
    expect(body.contact).toBeNull();
    expect(body.licenceValidTo).toBeNull();
  });
});
