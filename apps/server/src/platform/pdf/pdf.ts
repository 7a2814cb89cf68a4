import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import pdfmake from 'pdfmake';
import { AppError } from '../errors.ts';

/**
 * Printed records (PDF) with CJK text: pdfmake 0.3 and Debian's `fonts-noto-cjk`
 * (NotoSansCJK-Regular.ttc, face NotoSansCJKsc-Regular). The font is the only file pdfmake may read,
 * and it may fetch nothing: both access policies are set before any document is made.
 */
export const CJK_FONT_FILE = process.env.CUSTODIA_CJK_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const CJK_FONT_FACE = 'NotoSansCJKsc-Regular';
export const PDF_FONT = 'NotoSansSC';

let configured = false;
function configure(): void {
  if (configured) return;
  // Bold and italics use the same face: the record is legible without them, and only one font file is allowed.
  const face: [string, string] = [CJK_FONT_FILE, CJK_FONT_FACE];
  pdfmake.setFonts({ [PDF_FONT]: { normal: [...face], bold: [...face], italics: [...face], bolditalics: [...face] } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path === CJK_FONT_FILE);
  configured = true;
}

export interface RenderedPdf {
  content: Buffer;
  sha256: string;
}

/** 501 PDF_FONT_MISSING (problem+json) when the CJK font is not installed: the server runs, printing does not. */
export function assertPdfFont(file: string = CJK_FONT_FILE): void {
  if (existsSync(file)) return;
  throw new AppError(501, 'PDF_FONT_MISSING', {
    'zh-CN': `无法生成 PDF：未安装中文字体 ${file}（Debian 软件包 fonts-noto-cjk）`,
    en: `Cannot print the PDF: the CJK font ${file} is not installed (Debian package fonts-noto-cjk)`,
  }, { facts: { font: file, package: 'fonts-noto-cjk' } });
}

/** Renders a pdfmake document definition with the CJK font as default. */
export async function renderPdf(definition: Record<string, unknown>): Promise<RenderedPdf> {
  assertPdfFont();
  configure();
  const content = await pdfmake.createPdf({ ...definition, defaultStyle: { font: PDF_FONT, ...((definition.defaultStyle as object) ?? {}) } }).getBuffer();
  return { content, sha256: createHash('sha256').update(content).digest('hex') };
}
