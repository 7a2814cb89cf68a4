/**
 * A small, strict reader for GUDID device XML (namespace http://www.fda.gov/cdrh/gudid). It knows elements,
 * attributes, text, CDATA, comments and the five predefined and numeric character references. It refuses a
 * DOCTYPE, so no entity can be declared or expanded (no XXE, no "billion laughs"). Pure; no dependency.
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

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_][\w.\-:]*/;
const MAX_DEPTH = 64;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function decode(text: string, at: number): string {
  return text.replace(/&([^;&\s]{1,10});/g, (_, entity: string) => {
    if (entity in NAMED) return NAMED[entity];
    const code = entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : entity.startsWith('#') ? parseInt(entity.slice(1), 10) : NaN;
    if (!Number.isInteger(code) || code < 1 || code > 0x10ffff) throw new XmlError(`unknown entity &${entity};`, at);
    return String.fromCodePoint(code);
  });
}

export function parseXml(source: string): XmlElement {
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const fail = (message: string): never => {
    throw new XmlError(message, i);
  };
  const skipPast = (end: string) => {
    const found = source.indexOf(end, i);
    if (found < 0) fail(`unterminated ${end === '-->' ? 'comment' : end === '?>' ? 'processing instruction' : 'CDATA section'}`);
    const start = i;
    i = found + end.length;
    return source.slice(start, found);
  };

  while (i < source.length) {
    if (source[i] !== '<') {
      const next = source.indexOf('<', i);
      const end = next < 0 ? source.length : next;
      const text = source.slice(i, end);
      if (stack.length) stack[stack.length - 1].text += decode(text, i);
      else if (text.trim()) fail('text outside the root element');
      i = end;
      continue;
    }
    if (source.startsWith('<?', i)) {
      i += 2;
      skipPast('?>');
    } else if (source.startsWith('<!--', i)) {
      i += 4;
      skipPast('-->');
    } else if (source.startsWith('<![CDATA[', i)) {
      if (!stack.length) fail('CDATA outside the root element');
      i += 9;
      stack[stack.length - 1].text += skipPast(']]>');
    } else if (source.startsWith('<!', i)) {
      fail('DOCTYPE and entity declarations are not accepted');
    } else if (source.startsWith('</', i)) {
      i += 2;
      const name = NAME.exec(source.slice(i))?.[0] ?? fail('bad closing tag');
      i += name.length;
      while (/\s/.test(source[i] ?? '')) i++;
      if (source[i] !== '>') fail('bad closing tag');
      i++;
      const open = stack.pop();
      if (!open || open.name !== localName(name)) fail(`</${name}> does not close <${open?.name ?? 'nothing'}>`);
      if (!stack.length) root = open!;
    } else {
      i++;
      const name = NAME.exec(source.slice(i))?.[0] ?? fail('bad tag name');
      i += name.length;
      const element: XmlElement = { name: localName(name), attributes: Object.create(null) as Record<string, string>, children: [], text: '' };
      for (;;) {
        while (/\s/.test(source[i] ?? '')) i++;
        if (source.startsWith('/>', i) || source[i] === '>') break;
        const attribute = NAME.exec(source.slice(i))?.[0] ?? fail('bad attribute');
        i += attribute.length;
        while (/\s/.test(source[i] ?? '')) i++;
        if (source[i] !== '=') fail(`attribute ${attribute} has no value`);
        i++;
        while (/\s/.test(source[i] ?? '')) i++;
        const quote = source[i];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attribute} is not quoted`);
        const end = source.indexOf(quote, i + 1);
        if (end < 0) fail('unterminated attribute value');
        if (!attribute.startsWith('xmlns')) element.attributes[localName(attribute)] = decode(source.slice(i + 1, end), i);
        i = end + 1;
      }
      if (stack.length) stack[stack.length - 1].children.push(element);
      else if (root) fail('more than one root element');
      if (source.startsWith('/>', i)) {
        i += 2;
        if (!stack.length) root = element;
      } else {
        i++;
        if (stack.length >= MAX_DEPTH) fail('elements nested too deeply');
        stack.push(element);
      }
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) fail('no root element');
  return root!;
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
