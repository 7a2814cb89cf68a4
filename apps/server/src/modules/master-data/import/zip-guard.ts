/**
 * Checks the container before exceljs inflates it: an .xlsx is a ZIP archive, and a small archive can
 * declare gigabytes of content (a "zip bomb"). Reads only the ZIP central directory (APPNOTE 4.3.12/4.3.16);
 * the workbook itself is read by exceljs. JSZip, which exceljs uses, refuses an entry whose inflated size
 * differs from the declared one, so the declared sizes bound the memory used.
 */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

/** A reason the bytes cannot be an acceptable .xlsx, or null. */
export function zipProblem(content: Buffer, maxInflated = MAX_INFLATED_BYTES): string | null {
  if (content.length === 0) return 'the file is empty';
  if (OLE_SIGNATURE.every((byte, i) => content[i] === byte)) return 'this is an old .xls (or encrypted) workbook: save it as .xlsx';
  if (content.length < 22 || content.readUInt32LE(0) !== 0x04034b50) return 'the content is not a ZIP container';
  let eocd = -1;
  for (let i = content.length - 22; i >= Math.max(0, content.length - 22 - 0xffff); i--) {
    if (content.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'the ZIP container is truncated (no end of central directory)';
  const entries = content.readUInt16LE(eocd + 10);
  const offset = content.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff) return 'ZIP64 archives are not accepted';
  if (entries > MAX_ENTRIES) return `the archive holds more than ${MAX_ENTRIES} entries`;
  let position = offset;
  let inflated = 0;
  for (let n = 0; n < entries; n++) {
    if (position + 46 > content.length || content.readUInt32LE(position) !== CENTRAL) return 'the ZIP central directory is damaged';
    const size = content.readUInt32LE(position + 24);
    if (size === 0xffffffff) return 'ZIP64 archives are not accepted';
    inflated += size;
    if (inflated > maxInflated) return `the workbook inflates to more than ${maxInflated / (1024 * 1024)} MB`;
    position += 46 + content.readUInt16LE(position + 28) + content.readUInt16LE(position + 30) + content.readUInt16LE(position + 32);
  }
  return null;
}
