import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { assertPdfFont, CJK_FONT_FACE, renderPdf } from './pdf.ts';

describe('printed records (PDF)', () => {
  test('a missing CJK font is a 501 PDF_FONT_MISSING naming fonts-noto-cjk, not a crash', () => {
    assert.throws(() => assertPdfFont('/nonexistent/NotoSansCJK-Regular.ttc'), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.status, 501);
      assert.equal(error.code, 'PDF_FONT_MISSING');
      assert.match(error.text.en, /fonts-noto-cjk/);
      assert.match(error.text['zh-CN'], /fonts-noto-cjk/);
      return true;
    });
  });

  test('Chinese text is rendered with the embedded CJK face', async () => {
    const pdf = await renderPdf({ content: [{ text: '进货查验记录 验收结论 合格' }] });
    assert.equal(pdf.content.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.content.includes(CJK_FONT_FACE) && pdf.content.includes('/FontFile'));
    assert.match(pdf.sha256, /^[0-9a-f]{64}$/);
  });
});
