import { describe, expect, it } from 'vitest';
import { formValuesToPartyInput, idNumberCheck, maskIdNumber, partyToFormValues } from './form.ts';
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
  region: '31',
  customerType: null,
  deliveryNoteFileId: 'fil_01M8AHHG558HS5AJEGWE8C6X7E',
  sealFileId: 'fil_01M8AHHG5WS8QXJ4K7C57KDKBT',
  onsiteAuditDate: '2026-03-15',
  onsiteAuditResult: '仓储条件符合要求',
  regulatorReportFlag: false,
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

describe('salesperson ID number', () => {
  it('checks the format and the GB 11643 check character', () => {
    expect(idNumberCheck('11010519491231002X')).toBeNull();
    expect(idNumberCheck('110105194912310021')).toBe('checkDigit');
    expect(idNumberCheck('1101051949123100')).toBe('format');
    expect(idNumberCheck('11010519491231002x')).toBeNull();
  });

  it('masks all but the last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('**************002X');
    expect(maskIdNumber('**************5678')).toBe('**************5678');
  });
});

describe('party form: new fields', () => {
  it('sends blanks as null and the regulator flag as a boolean', () => {
    const body = formValuesToPartyInput({ ...partyToFormValues(input), region: '', customerType: 'medical_institution', onsiteAuditDate: null, onsiteAuditResult: ' ', regulatorReportFlag: undefined });
    expect(body.region).toBeNull();
    expect(body.customerType).toBe('medical_institution');
    expect(body.onsiteAuditDate).toBeNull();
    expect(body.onsiteAuditResult).toBeNull();
    expect(body.regulatorReportFlag).toBe(false);
  });

  it('keeps third-party logistics in the stable kind order', () => {
    expect(formValuesToPartyInput({ ...partyToFormValues(input), kinds: ['third_party_logistics', 'customer'] }).kinds).toEqual(['customer', 'third_party_logistics']);
  });
});
