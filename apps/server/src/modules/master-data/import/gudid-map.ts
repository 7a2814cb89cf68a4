import type { FieldError } from '../../../platform/errors.ts';
import { parseXml, xmlToJson, XmlError } from './gudid-xml.ts';

/** US-GUDID-01: AccessGUDID JSON and GUDID device XML → a product draft (pure mapping, no IO). */
type Json = Record<string, unknown>;

export interface GudidRecord {
  device: Json;
  /** FDA product-code classification from the AccessGUDID lookup response (class, implant flag); absent in XML. */
  productCodes: Json[];
  source: 'json' | 'xml';
}

export interface GudidOptions {
  deviceClass?: 'I' | 'II' | 'III';
  categoryCode?: string;
}

export interface PackagingLevel {
  level: number;
  name: string;
  udiDi: string | null;
  quantity: number;
}

export interface GudidDraft {
  /** Fields for `master_data.product.create`, still to be parsed by its schema. */
  product: Json;
  /** Packaging levels for `master_data.product.set_packaging`; null when the record lists no packages. */
  levels: PackagingLevel[] | null;
  facts: { publicDeviceRecordKey: string | null; primaryDi: string; issuingAgency: string; fdaClass: string | null; implantableHints: string[]; source: 'json' | 'xml' };
  warnings: string[];
}

export const MAX_GUDID_DEVICES = 500;
const AGENCIES = ['GS1', 'HIBCC', 'ICCBBA'] as const;
const FDA_CLASS: Record<string, 'I' | 'II' | 'III'> = { '1': 'I', '2': 'II', '3': 'III' };

const asArray = (value: unknown): unknown[] => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]);
const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : null);
const flag = (value: unknown): boolean => value === true || value === 'true';
const clip = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

class GudidDocumentError extends Error {}

function fromXml(xml: string): GudidRecord[] {
  let root;
  try {
    root = parseXml(xml);
  } catch (error) {
    throw new GudidDocumentError(`XML: ${(error as XmlError).message}`);
  }
  const devices = root.name === 'device' ? [root] : root.children.filter((child) => child.name === 'device');
  if (!devices.length) throw new GudidDocumentError(`XML: <${root.name}> holds no GUDID <device> element`);
  return devices.map((device) => ({ device: asObject(xmlToJson(device)), productCodes: [], source: 'xml' as const }));
}

function collect(document: unknown, depth = 0): GudidRecord[] {
  if (depth > 3) throw new GudidDocumentError('the document nests too deeply');
  if (typeof document === 'string') {
    const text = document.trim();
    if (text.startsWith('<')) return fromXml(text);
    if (text.startsWith('{') || text.startsWith('[')) {
      try {
        return collect(JSON.parse(text), depth + 1);
      } catch (error) {
        if (error instanceof GudidDocumentError) throw error;
        throw new GudidDocumentError('the string is neither GUDID XML nor AccessGUDID JSON');
      }
    }
    throw new GudidDocumentError('the string is neither GUDID XML nor AccessGUDID JSON');
  }
  if (Array.isArray(document)) return document.flatMap((item) => collect(item, depth + 1));
  const object = asObject(document);
  const productCodes = asArray(object.productCodes).filter((p): p is Json => !!p && typeof p === 'object');
  const gudid = asObject(object.gudid);
  if (gudid.device) return [{ device: asObject(gudid.device), productCodes, source: 'json' }];
  if (object.history && typeof object.history === 'object') {
    // devices/history: every version embeds the device XML; the highest version is the current record.
    const versions = Object.values(asObject(object.history)).map(asObject).filter((v) => typeof v.xml === 'string');
    const latest = versions.sort((a, b) => Number(b.publicVersionNumber) - Number(a.publicVersionNumber))[0];
    if (!latest) throw new GudidDocumentError('the history holds no device XML');
    return fromXml(latest.xml as string);
  }
  if (object.device) return [{ device: asObject(object.device), productCodes, source: 'json' }];
  if (object.identifiers && (object.publicDeviceRecordKey || object.brandName)) return [{ device: object, productCodes, source: 'json' }];
  throw new GudidDocumentError('not an AccessGUDID device record (expected gudid.device, a device, a device history or GUDID XML)');
}

/** The device records in an AccessGUDID response, a device history, GUDID XML, or an array of them. */
export function gudidRecords(document: unknown): { records: GudidRecord[] } | { problem: string } {
  try {
    const records = collect(document);
    if (!records.length) return { problem: 'the document holds no device record' };
    if (records.length > MAX_GUDID_DEVICES) return { problem: `at most ${MAX_GUDID_DEVICES} devices per request` };
    return { records };
  } catch (error) {
    if (error instanceof GudidDocumentError) return { problem: error.message };
    throw error;
  }
}

/** GS1 DIs are stored as 14 digits (GTIN-8/12/13 left-padded); other agencies' DIs are not GTINs. */
function gtin14(agency: string, id: string): string | null {
  return agency === 'GS1' && /^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(id) ? id.padStart(14, '0') : null;
}

function storageRange(device: Json): { storageTempMin: number | null; storageTempMax: number | null } {
  const entries = asArray(asObject(device.environmentalConditions).storageHandling).map(asObject);
  const storage = entries.find((e) => str(e.storageHandlingType) === 'Storage Environment Temperature');
  if (!storage) return { storageTempMin: null, storageTempMax: null };
  const celsius = (end: unknown): number | null => {
    const { unit, value } = asObject(end);
    const n = Number(str(value));
    if (str(value) === null || !Number.isFinite(n)) return null;
    const c = unit === 'Degrees Celsius' ? n : unit === 'Degrees Fahrenheit' ? ((n - 32) * 5) / 9 : NaN;
    return Number.isFinite(c) && Math.abs(c) < 1000 ? Math.round(c * 10) / 10 : null;
  };
  return { storageTempMin: celsius(storage.storageHandlingLow), storageTempMax: celsius(storage.storageHandlingHigh) };
}

function implantableHints(device: Json, productCodes: Json[]): string[] {
  const hints: string[] = [];
  for (const code of productCodes) if (str(code.implantFlag) === 'Y') hints.push(`FDA product code ${str(code.productCode) ?? '?'}: implantFlag Y`);
  for (const term of asArray(asObject(device.gmdnTerms).gmdn).map(asObject)) {
    const text = `${str(term.gmdnPTName) ?? ''} ${str(term.gmdnPTDefinition) ?? ''}`;
    if (/\bimplant(s|ed|able|ation)?\b/i.test(text)) hints.push(`GMDN “${str(term.gmdnPTName) ?? ''}” mentions implantation`);
  }
  return hints;
}

/** FDA class of the device's product codes (the highest when several); null when unclassified or absent. */
function fdaClass(device: Json, productCodes: Json[]): 'I' | 'II' | 'III' | null {
  const own = new Set(asArray(asObject(device.productCodes).fdaProductCode).map((p) => str(asObject(p).productCode)));
  const classes = productCodes
    .filter((p) => own.size === 0 || own.has(str(p.productCode)))
    .map((p) => FDA_CLASS[str(p.deviceClass) ?? ''])
    .filter(Boolean);
  return classes.sort().pop() ?? null;
}

function packagingLevels(agency: string, unitDi: string, identifiers: Json[], warnings: string[]): PackagingLevel[] | null {
  const packages = identifiers.filter((i) => str(i.deviceIdType) === 'Package' && Number(str(i.pkgQuantity)) > 0);
  if (!packages.length) return null;
  const levels: PackagingLevel[] = [{ level: 0, name: 'Unit', udiDi: gtin14(agency, unitDi), quantity: 1 }];
  let contained = unitDi;
  let units = 1;
  while (levels.length < 6) {
    const holders = packages.filter((p) => str(p.containsDINumber) === contained);
    if (!holders.length) break;
    if (holders.length > 1) warnings.push(`several packages contain ${contained}; the first (${str(holders[0].deviceId)}) is used`);
    const pkg = holders[0];
    const id = str(pkg.deviceId)!;
    // Quantity of a level = units of use it holds: GUDID pkgQuantity counts the contained level's items.
    units *= Number(str(pkg.pkgQuantity));
    levels.push({ level: levels.length, name: clip(str(pkg.pkgType) ?? `Package ${levels.length}`, 40), udiDi: gtin14(agency, id), quantity: units });
    contained = id;
  }
  const unused = packages.length - (levels.length - 1);
  if (unused > 0) warnings.push(`${unused} package identifier(s) are not in the chain from the primary DI and were left out`);
  return levels;
}

/** Maps one GUDID device record to a product draft, or says which fields are missing. */
export function mapGudidDevice(record: GudidRecord, options: GudidOptions): { draft: GudidDraft } | { problems: FieldError[] } {
  const { device, productCodes } = record;
  const problems: FieldError[] = [];
  const warnings: string[] = [];
  const identifiers = asArray(asObject(device.identifiers).identifier).map(asObject);
  const primary = identifiers.find((i) => str(i.deviceIdType) === 'Primary') ?? identifiers[0];
  const primaryDi = str(primary?.deviceId);
  const agency = str(primary?.deviceIdIssuingAgency)?.toUpperCase() ?? '';
  if (!primaryDi) problems.push({ path: 'identifiers', message: 'no primary device identifier' });
  if (!(AGENCIES as readonly string[]).includes(agency)) problems.push({ path: 'deviceIdIssuingAgency', message: `issuing agency must be GS1, HIBCC or ICCBBA, not “${agency}”` });
  if (agency === 'GS1' && primaryDi && !gtin14(agency, primaryDi)) problems.push({ path: 'deviceId', message: 'a GS1 DI has 8, 12, 13 or 14 digits' });
  const brand = str(device.brandName);
  const description = str(device.deviceDescription);
  if (!brand && !description) problems.push({ path: 'brandName', message: 'brandName and deviceDescription are both empty' });
  const model = str(device.versionModelNumber) ?? str(device.catalogNumber);
  if (!model) problems.push({ path: 'versionModelNumber', message: 'versionModelNumber (or catalogNumber) is missing' });
  const company = str(device.companyName);
  if (!company) problems.push({ path: 'companyName', message: 'companyName is missing' });
  const classified = fdaClass(device, productCodes);
  const deviceClass = options.deviceClass ?? classified;
  if (!deviceClass) problems.push({ path: 'deviceClass', message: 'the document has no FDA device class: pass deviceClass (I, II or III)' });
  if (!options.categoryCode) problems.push({ path: 'categoryCode', message: 'the NMPA category cannot be derived from GUDID: pass categoryCode (e.g. 13-06-02)' });
  if (problems.length) return { problems };

  const key = str(device.publicDeviceRecordKey);
  const submission = asArray(asObject(device.premarketSubmissions).premarketSubmission).map(asObject).map((s) => str(s.submissionNumber)).find(Boolean);
  const udiDi = gtin14(agency, primaryDi!);
  if (!udiDi) warnings.push(`${agency} DI ${primaryDi} is not a GTIN: udiDi (GTIN-14 only) stays empty; registrationNo names the GUDID record`);
  const hints = implantableHints(device, productCodes);
  const lot = flag(device.lotBatch), serial = flag(device.serialNumber);
  const product: Json = {
    name: clip([brand, description].filter(Boolean).join(' '), 200),
    model: clip(model!, 200),
    registrant: clip(company!, 200),
    manufacturer: clip(company!, 200),
    registrationNo: submission ?? (key ? `GUDID:${key}` : `GUDID-DI:${primaryDi}`),
    registrationKind: 'registration',
    deviceClass,
    categoryCode: options.categoryCode,
    tracking: lot && serial ? 'lot_serial' : serial ? 'serial' : 'lot',
    udiDi,
    issuingAgency: agency,
    implantable: hints.length > 0,
    ...storageRange(device),
  };
  return {
    draft: {
      product,
      levels: packagingLevels(agency, primaryDi!, identifiers, warnings),
      facts: { publicDeviceRecordKey: key, primaryDi: primaryDi!, issuingAgency: agency, fdaClass: classified, implantableHints: hints, source: record.source },
      warnings,
    },
  };
}
