import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { formValuesToProductInput, productToFormValues } from './form.ts';
import type { ProductInput } from './types.ts';

const input: ProductInput = {
  name: '一次性使用无菌注射器',
  model: '5ml',
  registrant: '某某医疗器械有限公司',
  registrationNo: '国械注准20233140001',
  registrationKind: 'registration',
  registrationValidFrom: '2024-07-01',
  registrationValidTo: '2029-06-30',
  registrationScope: '由针管、芯杆、活塞组成，供抽吸液体或注射用',
  registrationFileId: 'fil_01M8AHHG75QHDSVNKZQM5ZXSBV',
  manufacturer: null,
  manufacturerLicenceNo: null,
  deviceClass: 'III',
  categoryCode: '14-01',
  udiDi: '04006381333931',
  issuingAgency: 'GS1',
  tracking: 'lot_serial',
  storageTempMin: '2',
  storageTempMax: '8.5',
  humidityMin: '10',
  humidityMax: '80',
  lightProtection: true,
  stackingLimit: 5,
  transportConditions: '常温运输',
  shelfLifeDays: 730,
  implantable: false,
  labelFileId: 'fil_01M8AHHG8DPH6QBA89FJASVAT2',
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

  it('sends new optional fields as null when blank and keeps the registration kind', () => {
    const body = formValuesToProductInput({
      ...productToFormValues(input),
      registrationScope: '  ',
      manufacturer: ' 某受托生产企业 ',
      humidityMin: '',
      humidityMax: '75.0',
      stackingLimit: null,
      transportConditions: '',
      registrationFileId: '',
      labelFileId: null,
      issuingAgency: null,
      registrationKind: 'filing',
    });
    expect(body.registrationScope).toBeNull();
    expect(body.manufacturer).toBe('某受托生产企业');
    expect(body.humidityMin).toBeNull();
    expect(body.humidityMax).toBe('75');
    expect(body.stackingLimit).toBeNull();
    expect(body.transportConditions).toBeNull();
    expect(body.registrationFileId).toBeNull();
    expect(body.labelFileId).toBeNull();
    expect(body.issuingAgency).toBeNull();
    expect(body.registrationKind).toBe('filing');
  });

  it('reads dates the server may send as timestamps', () => {
    expect(formValuesToProductInput(productToFormValues({ ...input, registrationValidTo: '2029-06-30T00:00:00.000Z' })).registrationValidTo).toBe('2029-06-30');
  });
});
