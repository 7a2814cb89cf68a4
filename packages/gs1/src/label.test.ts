/** Labels: GS1-128 and GS1 DataMatrix through bwip-js, with HRI text (GS1-05, GS1-06). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import bwipjs from 'bwip-js';
import { fnc1Text, renderLabel } from './label.ts';
import { Gs1Error } from './errors.ts';

const UDI = '(01)09506000134352(17)260331(10)ABC123(21)42';

test('GS1-05: FNC1-mode text has FNC1 first and where the element string has GS', () => {
  assert.equal(fnc1Text('0109506000134352\u001d10A'), '^FNC10109506000134352^FNC110A');
});

test('GS1-05: FNC1-mode symbols are identical (same bars/modules) to bwip-js GS1 symbols built from bracketed text', () => {
  const same = (bcidGs1: string, bcidPlain: string) => {
    const a = bwipjs.toSVG({ bcid: bcidGs1, text: UDI, height: 10 });
    const b = bwipjs.toSVG({ bcid: bcidPlain, text: fnc1Text('01095060001343521726033110ABC123\u001d2142'), parsefnc: true, height: 10 });
    assert.equal(a, b, bcidGs1);
  };
  same('gs1-128', 'code128');
  same('gs1datamatrix', 'datamatrix');
});

test('GS1-06: SVG and PNG labels include the HRI text', async () => {
  for (const symbology of ['gs1-128', 'gs1datamatrix'] as const) {
    const svg = (await renderLabel(UDI, { symbology, format: 'svg' })) as string;
    const bare = bwipjs.toSVG({ bcid: symbology, text: UDI });
    assert.match(svg, /^<svg /);
    assert.ok(svg.length > bare.length, `${symbology}: HRI glyphs add paths`);
    const png = (await renderLabel(UDI, { symbology, format: 'png' })) as Buffer;
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  }
});

test('GS1-06: values with brackets encode (FNC1 mode); invalid data and non-GS1 schemes are refused', async () => {
  const svg = await renderLabel('(01)09506000134352(10)AB\\(1)', { symbology: 'gs1datamatrix', format: 'svg' });
  assert.match(svg as string, /^<svg /);
  await assert.rejects(renderLabel('(01)09506000134353', { symbology: 'gs1-128', format: 'svg' }), (e) => e instanceof Gs1Error && e.code === 'GS1_CHECK_DIGIT');
  await assert.rejects(renderLabel('MA.156.M0.100001.10000018', { symbology: 'gs1-128', format: 'svg' }), (e) => e instanceof Gs1Error && e.code === 'GS1_LABEL_FAILED');
});
