import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { formValuesToProductInput, productToFormValues } from './form.ts';
import type { ProductInput } from './types.ts';

const input: ProductInput = {
  name: '一次性使用无菌注射器',
  model: '5ml',
  registrant: '某某医疗器械有限公司',
  registrationNo: '国械注准20233140001',
  registrationValidTo: '2029-06-30',
  deviceClass: 'III',
  categoryCode: '14-01',
  udiDi: '04006381333931',
  tracking: 'lot_serial',
  storageTempMin: '2',
  storageTempMax: '8.5',
  shelfLifeDays: 730,
  implantable: false,
};

describe('product form mapping', () => {
  it('round-trips a product', () => {
    expect(formValuesToProductInput(productToFormValues(input))).toEqual(input);
  });

  it('sends dates as yyyy-mm-dd, numbers as decimal strings and blanks as null', () => {
    const body = formValuesToProductInput({
      ...productToFormValues(input),
      name: '  注射器 ',
      registrationValidTo: dayjs('2030-01-05T10:00:00'),
      storageTempMin: -20,
      storageTempMax: '',
      shelfLifeDays: null,
    });
    expect(body.name).toBe('注射器');
    expect(body.registrationValidTo).toBe('2030-01-05');
    expect(body.storageTempMin).toBe('-20');
    expect(body.storageTempMax).toBeNull();
    expect(body.shelfLifeDays).toBeNull();
  });

  it('sends optional UDI-DI and registration date as null, and canonical temperatures', () => {
    const body = formValuesToProductInput({ ...productToFormValues(input), udiDi: '  ', registrationValidTo: null, storageTempMin: '2.0', storageTempMax: '08' });
    expect(body.udiDi).toBeNull();
    expect(body.registrationValidTo).toBeNull();
    expect(body.storageTempMin).toBe('2');
    expect(body.storageTempMax).toBe('8');
  });

  it('reads dates the server may send as timestamps', () => {
    expect(formValuesToProductInput(productToFormValues({ ...input, registrationValidTo: '2029-06-30T00:00:00.000Z' })).registrationValidTo).toBe('2029-06-30');
  });
});
