import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * GUDID device XML (namespace http://www.fda.gov/cdrh/gudid) read with fast-xml-parser into a small
 * element tree. A DOCTYPE is refused before parsing, so no entity can be declared or expanded (XXE,
 * "billion laughs").
 */
export class XmlError extends Error {
  constructor(message: string, readonly position: number) {
    super(`${message} (at character ${position})`);
  }
}

export interface XmlElement {
  /** Local name: the namespace prefix is dropped. */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const MAX_DEPTH = 64;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(node: Ordered, depth: number): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (!name || name === '#text' || name.startsWith('?')) return null;
  if (depth > MAX_DEPTH) throw new XmlError('elements nested too deeply', 0);
  const attributes = Object.fromEntries(Object.entries(node[':@'] ?? {}).filter(([key]) => !key.startsWith('xmlns')));
  const content = (node[name] as Ordered[]) ?? [];
  const children: XmlElement[] = [];
  let text = '';
  for (const child of content) {
    if ('#text' in child) text += String(child['#text']);
    else {
      const element = toElement(child, depth + 1);
      if (element) children.push(element);
    }
  }
  return { name, attributes, children, text };
}

export function parseXml(source: string): XmlElement {
  const doctype = source.search(/<!DOCTYPE/i);
  if (doctype >= 0) throw new XmlError('a DOCTYPE is not accepted', doctype);
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new XmlError(valid.err.msg, valid.err.col);
  const roots = (parser.parse(source) as Ordered[]).map((node) => toElement(node, 0)).filter((e): e is XmlElement => e !== null);
  if (roots.length === 0) throw new XmlError('no root element', 0);
  if (roots.length > 1) throw new XmlError('more than one root element', 0);
  return roots[0];
}

/**
 * The element as AccessGUDID JSON shapes it: children by name (repeated names become arrays), text-only
 * elements as strings, `xsi:nil="true"` as null, attribute-only elements (storageHandlingHigh) as objects.
 */
export function xmlToJson(element: XmlElement): unknown {
  if (element.attributes.nil === 'true') return null;
  if (element.children.length === 0) {
    const attributes = Object.entries(element.attributes).filter(([key]) => key !== 'nil');
    if (attributes.length && !element.text.trim()) return Object.fromEntries(attributes);
    return element.text.trim() === '' ? null : element.text.trim();
  }
  // fromEntries defines properties, so an element named __proto__ cannot reach the prototype.
  return Object.fromEntries([...new Set(element.children.map((child) => child.name))].map((name) => {
    const values = element.children.filter((child) => child.name === name).map(xmlToJson);
    return [name, values.length === 1 ? values[0] : values];
  }));
}
