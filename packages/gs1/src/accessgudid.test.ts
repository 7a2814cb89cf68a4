/**
 * US-GUDID-01: reproduce the AccessGUDID parse_udi fixtures (json_parse_udi_*).
 *
 * Finding: the GS1 example DI 00208851107345 fails the GS1 mod-10 check (the
 * check digit should be 7). AccessGUDID does not verify it; we reject it in
 * normal parsing (GS1-01) and reproduce the fixture only with skipCheckDigits.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from './parse.ts';
import { throwsGs1, TODAY } from './test-support.ts';

const FIXTURES = new URL('../test-fixtures/accessgudid/', import.meta.url);
const fixture = (name: string) => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as Record<string, string | null>;

test('US-GUDID-01: json_parse_udi_by_device_identifier_code — GS1 DI stored as 14 digits, expiry 2015-03-31', () => {
  const expected = fixture('json_parse_udi_by_device_identifier_code.json');
  const udi = expected.udi as string;
  throwsGs1(() => parse(udi, { today: TODAY }), 'GS1_CHECK_DIGIT', 17);
  const r = parse(udi, { today: TODAY, skipCheckDigits: true });
  assert.equal(r.scheme, expected.issuingAgency);
  assert.equal(r.di, expected.di);
  assert.equal(r.di?.length, 14);
  assert.equal(r.expiry, expected.expirationDate);
  assert.equal(r.elements.find((e) => e.ai === '17')?.value, expected.expirationDateOriginal);
  assert.equal(r.lot, expected.lotNumber);
  assert.equal(r.serial, expected.serialNumber);
  assert.equal(r.productionDate, expected.manufacturingDateOriginal);
});

test('US-GUDID-01: json_parse_udi_by_unique_device_identifier_code — ICCBBA (ISBT 128) with Julian dates', () => {
  const expected = fixture('json_parse_udi_by_unique_device_identifier_code.json');
  const r = parse(expected.udi as string, { today: TODAY });
  assert.equal(r.scheme, expected.issuingAgency);
  assert.equal(r.di, expected.di);
  assert.equal(r.serial, expected.serialNumber);
  assert.equal(r.donationId, expected.donationId);
  assert.equal(r.expiry, expected.expirationDate);
  assert.equal(r.productionDate, expected.manufacturingDate);
  assert.equal(r.lot, expected.lotNumber);
  assert.equal(r.elements.find((e) => e.ai === '=>')?.value, expected.expirationDateOriginal);
  assert.equal(r.elements.find((e) => e.ai === '=}')?.value, expected.manufacturingDateOriginal);
  assert.equal(r.gtin, null);
});

test('US-GUDID-01: the vendored fixtures are the conformance corpus copies', (t) => {
  const shared = new URL('../../../../shared/conformance/accessgudid-fixtures/', import.meta.url);
  if (!existsSync(shared)) return t.skip('shared/conformance not present');
  for (const name of ['json_parse_udi_by_device_identifier_code.json', 'json_parse_udi_by_unique_device_identifier_code.json']) {
    assert.equal(readFileSync(new URL(name, FIXTURES), 'utf8'), readFileSync(new URL(name, shared), 'utf8'), name);
  }
});
