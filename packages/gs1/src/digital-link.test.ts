/**
 * GS1-07 Digital Link. Accepted/rejected URIs follow the reference vectors of
 * the GS1 syntax engine (dl.c test_dl_parseDLuri); expected element strings are
 * written there with "^" for FNC1. Differences: we always pad legacy GTIN-8/12/13
 * and never accept convenience alphas (both options of the engine).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDigitalLink, isValidKeyQualifierSequence } from './digital-link.ts';
import { GS, splitElementString } from './element-string.ts';
import { parse } from './parse.ts';
import { throwsGs1, TODAY } from './test-support.ts';

const opts = { today: TODAY };

/** "^011231…^10ABC" → [{ai, value}] using the element-string parser. */
function referenceElements(caret: string) {
  return splitElementString(caret.slice(1).replaceAll('^', GS), 0).map(({ ai, value }) => ({ ai, value }));
}

const ACCEPTED: Array<[string, string]> = [
  ['http://a/00/006141411234567890', '^00006141411234567890'],
  ['HTTP://a/00/006141411234567890', '^00006141411234567890'],
  ['https://a/00/006141411234567890', '^00006141411234567890'],
  ['HTTPS://a/00/006141411234567890', '^00006141411234567890'],
  ['https://a/01/12312312312333', '^0112312312312333'],
  ['https://xn--fsq.xn--0zwm56d/01/12312312312333', '^0112312312312333'],
  ['https://a./01/12312312312333', '^0112312312312333'],
  ['https://a:65535/01/12312312312333', '^0112312312312333'],
  ['https://192.0.2.1/01/12312312312333', '^0112312312312333'],
  ['https://[2001:db8::1]/01/12312312312333', '^0112312312312333'],
  ['https://a/stem/00/006141411234567890', '^00006141411234567890'],
  ['https://a/more/stem/00/006141411234567890', '^00006141411234567890'],
  ['https://a/00/faux/00/006141411234567890', '^00006141411234567890'],
  ['https://a/01/2112345678900', '^0102112345678900'],
  ['https://a/01/416000336108', '^0100416000336108'],
  ['https://a/01/02345673', '^0100000002345673'],
  ['https://a/01/12312312312333/22/TEST/10/ABC/21/XYZ', '^011231231231233322TEST^10ABC^21XYZ'],
  ['https://a/01/12312312312333/235/TEST', '^0112312312312333235TEST'],
  ['https://a/253/1231231231232', '^2531231231231232'],
  ['https://a/253/1231231231232TEST5678901234567', '^2531231231231232TEST5678901234567'],
  ['https://a/8018/123456789012345675/8019/123', '^8018123456789012345675^8019123'],
  ['https://a/stem/00/006141411234567890?', '^00006141411234567890'],
  ['https://a/stem/00/006141411234567890?99=ABC', '^0000614141123456789099ABC'],
  ['https://a/stem/401/12345678?99=ABC', '^40112345678^99ABC'],
  ['https://a/01/12312312312333?99=ABC&98=XYZ', '^011231231231233399ABC^98XYZ'],
  ['https://a/01/12312312312333?&&&99=ABC&&&&&&98=XYZ&&&', '^011231231231233399ABC^98XYZ'],
  ['https://a/01/12312312312333?unknown1=555&99=ABC&unknown2=666&98=XYZ&unknown3=777', '^011231231231233399ABC^98XYZ'],
  ['https://a/01/12312312312333?singleton1&99=ABC&singleton2&98=XYZ&singleton3', '^011231231231233399ABC^98XYZ'],
  ['https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ%2f987', '^011231231231233322ABC-123^99ABC^98XYZ/987'],
  ['https://a/01/12312312312333/22/ABC+123?99=ABC&98=XYZ%2f987', '^011231231231233322ABC+123^99ABC^98XYZ/987'],
  ['https://a/01/12312312312333/22/test/10/abc/21/xyz#fragment', '^011231231231233322test^10abc^21xyz'],
  ['https://a/stem/00/006141411234567890?99=ABC#', '^0000614141123456789099ABC'],
  ['https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426', '^010952012345678810ABC1^2112345^17180426'],
  ['https://id.gs1.org/01/09520123456788?3103=000195', '^01095201234567883103000195'],
  ['https://example.com/01/9520123456788?3103=000195&3922=0299&17=201225', '^0109520123456788310300019539220299^17201225'],
  ['https://id.gs1.org/00/952012345678912345?02=09520123456788&37=25&10=ABC123', '^0095201234567891234502095201234567883725^10ABC123'],
  ['https://id.gs1.org/414/9520123456788/254/32a%2Fb', '^414952012345678825432a/b'],
  ['https://example.com/8004/9520614141234567?01=9520123456788', '^80049520614141234567^0109520123456788'],
  ['https://id.gs1.org/01/09520123456788/235/XYZ?10=ABC123', '^0109520123456788235XYZ^10ABC123'],
];

const REJECTED: Array<[string, string]> = [
  ['ftp://a/01/12312312312333', 'GS1_UNKNOWN_SCHEME'],
  ['http://', 'GS1_DL_BAD_URI'],
  ['http:///', 'GS1_DL_BAD_URI'],
  ['http://a', 'GS1_DL_BAD_URI'],
  ['http://a/', 'GS1_DL_NO_KEY'],
  ['http://a/b/', 'GS1_DL_NO_KEY'],
  ['HtTp://a/b/00/006141411234567890', 'GS1_DL_BAD_SCHEME'],
  ['https://00/006141411234567890', 'GS1_DL_NO_KEY'],
  ['https://[fe80::1%25lo]/01/12312312312333', 'GS1_DL_BAD_CHARACTER'],
  ['https://$a/00/006141411234567890', 'GS1_DL_BAD_CHARACTER'],
  ['https://a/gtin/12312312312333', 'GS1_DL_NO_KEY'],
  ['https://a/253/1231231231232TEST56789012345678', 'GS1_VALUE_TOO_LONG'],
  ['https://a/stem/00/006141411234567890/', 'GS1_DL_NO_KEY'],
  ['https://a/01/12312312312333?99=', 'GS1_EMPTY_VALUE'],
  ['https://a/01/12312312312333?99=ABC&999=faux', 'GS1_UNKNOWN_AI'],
  ['https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ+987', 'GS1_BAD_CHARACTER'],
  ['https://example.com/01/09520123456788?10=ABC123', 'GS1_DL_QUALIFIER_IN_QUERY'],
  ['https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&01=09520123456788', 'GS1_DUPLICATE_AI'],
  ['https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&10=ABC123', 'GS1_DUPLICATE_AI'],
  ['https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&99=XYZ789', 'GS1_DUPLICATE_AI'],
  ['https://example.com/01/09520123456788/89/ABC123?99=XYZ', 'GS1_DL_NO_KEY'],
  ['https://example.com/01/09520123456788?99=XYZ&89=ABC123', 'GS1_UNKNOWN_AI'],
  ['https://a/01/12312312312333/21/XYZ/10/ABC', 'GS1_DL_BAD_QUALIFIER_ORDER'],
  ['https://a/01/12312312312333/22/TEST/10/ABC/235/X', 'GS1_DL_BAD_QUALIFIER_ORDER'],
  ['https://a/01/12312312312333?21=XYZ', 'GS1_DL_NOT_ATTRIBUTE'],
  ['https://a/01/12312312312333?8200=https', 'GS1_DL_NOT_ATTRIBUTE'],
  ['https://a/01/12312312312333/10/A%00B', 'GS1_DL_BAD_ENCODING'],
  ['https://a/01/12312312312333/10/批号', 'GS1_DL_BAD_CHARACTER'],
];

test('GS1-07: Digital Link URIs accepted by the reference engine parse to the same element strings', () => {
  for (const [uri, expected] of ACCEPTED) {
    assert.deepEqual(parse(uri, opts).elements, referenceElements(expected), uri);
  }
});

test('GS1-07: Digital Link URIs rejected by the reference engine are rejected with a typed error', () => {
  for (const [uri, code] of REJECTED) throwsGs1(() => parse(uri, opts), code as never);
});

test('GS1-07: mixed-case scheme is rejected; output scheme is lowercase', () => {
  throwsGs1(() => parse('Https://id.gs1.org/01/09520123456788', opts), 'GS1_DL_BAD_SCHEME', 0);
  assert.equal(parse('HTTPS://EXAMPLE.COM/01/09520123456788', opts).digitalLink, 'https://EXAMPLE.COM/01/09520123456788');
});

test('GS1-07: qualifiers only in dlpkey order (for 01: 22 → 10 → 21, or 235)', () => {
  assert.ok(isValidKeyQualifierSequence(['01', '22', '10', '21']));
  assert.ok(isValidKeyQualifierSequence(['01', '10', '21']));
  assert.ok(isValidKeyQualifierSequence(['01', '235']));
  assert.ok(!isValidKeyQualifierSequence(['01', '21', '10']));
  assert.ok(!isValidKeyQualifierSequence(['01', '10', '235']));
  assert.ok(!isValidKeyQualifierSequence(['10']));
});

test('GS1-07: built URI puts qualifiers in dlpkey order and only ?-flagged AIs in the query, percent-encoded', () => {
  const elements = parse('(01)09506000134352(17)260331(21)42(10)AB/1(22)2A', opts).elements;
  assert.equal(
    buildDigitalLink(elements, { domain: 'example.com/stem/' }),
    'https://example.com/stem/01/09506000134352/22/2A/10/AB%2F1/21/42?17=260331',
  );
  const logistic = parse('(00)952012345678912345(02)09520123456788(37)25(10)ABC123', opts).elements;
  assert.equal(buildDigitalLink(logistic), 'https://id.gs1.org/00/952012345678912345?02=09520123456788&37=25&10=ABC123');
  throwsGs1(() => buildDigitalLink([{ ai: '01', value: '09506000134352' }, { ai: '8200', value: 'x' }]), 'GS1_DL_NOT_ATTRIBUTE');
  throwsGs1(() => buildDigitalLink([{ ai: '10', value: 'A' }]), 'GS1_DL_NO_KEY');
  throwsGs1(() => buildDigitalLink([{ ai: '01', value: '09506000134352' }], { domain: 'exa mple.com' }), 'GS1_BAD_FIELD');
});

test('GS1-07: element string → Digital Link → element string is lossless', () => {
  for (const input of [
    `0109506000134352172603311010ABC${GS}2142`,
    `00952012345678912345020952012345678837${'25'}${GS}10ABC123`,
    '(01)09506000134352(11)250101(17)260331(10)A-1.2(21)X/Y%Z(240)REF 1'.replace(' ', ''),
    '(8018)123456789012345675(8019)123',
    '(414)9520123456788(254)32a/b',
  ]) {
    const original = parse(input, opts);
    assert.ok(original.digitalLink, input);
    const back = parse(original.digitalLink, opts);
    const sort = (es: readonly { ai: string; value: string }[]) => [...es].sort((a, b) => a.ai.localeCompare(b.ai));
    assert.deepEqual(sort(back.elements), sort(original.elements), input);
  }
});

test('GS1-07: Digital Link on any domain keeps its stem for the digitalLink output', () => {
  const r = parse('https://brand.example.com/some-extra/pathinfo/01/9520123456788/10/L1?17=260101', opts);
  assert.equal(r.gtin, '09520123456788');
  assert.equal(r.digitalLink, 'https://brand.example.com/some-extra/pathinfo/01/09520123456788/10/L1?17=260101');
  assert.equal(parse('https://a/01/09520123456788', { ...opts, dlDomain: 'id.gs1.org' }).digitalLink, 'https://id.gs1.org/01/09520123456788');
});
