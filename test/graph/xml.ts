/**
 * A strict XML well-formedness check (no DTD, no external entities): element nesting, quoted
 * and unique attributes, known entities, one root. Returns the element names in document
 * order, or throws with the offset of the first error. Small on purpose: the maps are plain
 * generated XML, and the tests need no parser package.
 */
export function parseXml(text: string): string[] {
  const elements: string[] = [];
  const stack: string[] = [];
  let rootClosed = false;
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed XML at offset ${i}: ${why} (…${JSON.stringify(text.slice(Math.max(0, i - 40), i + 40))}…)`);
  };
  const NAME = /[A-Za-z_:][\w.:-]*/y;
  const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/y;
  const checkText = (from: number, to: number, inAttribute: boolean) => {
    for (let k = from; k < to; k++) {
      const c = text[k];
      if (c === '<') {
        i = k;
        fail('"<" in text');
      }
      if (c === '&') {
        ENTITY.lastIndex = k;
        if (!ENTITY.test(text)) {
          i = k;
          fail('an unknown entity or a bare "&"');
        }
      }
      if (inAttribute && c === '"') fail('a quote in an attribute value');
    }
  };
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) fail('an unterminated XML declaration');
    i = end + 2;
  }
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? text.length : lt;
    if (stack.length === 0 && text.slice(i, textEnd).trim() !== '') fail('text outside the root element');
    checkText(i, textEnd, false);
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) fail('an unterminated comment');
      i = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) fail('CDATA outside the root');
      const end = text.indexOf(']]>', i);
      if (end < 0) fail('an unterminated CDATA section');
      i = end + 3;
      continue;
    }
    if (text.startsWith('</', i)) {
      NAME.lastIndex = i + 2;
      const match = NAME.exec(text);
      if (!match) fail('an end tag without a name');
      const name = match![0];
      if (stack.pop() !== name) fail(`</${name}> does not close the open element`);
      i = NAME.lastIndex;
      while (/\s/.test(text[i] ?? '')) i++;
      if (text[i] !== '>') fail('junk in an end tag');
      i++;
      if (stack.length === 0) rootClosed = true;
      continue;
    }
    if (rootClosed) fail('a second root element');
    NAME.lastIndex = i + 1;
    const match = NAME.exec(text);
    if (!match) fail('a tag without a name');
    const name = match![0];
    elements.push(name);
    i = NAME.lastIndex;
    const seen = new Set<string>();
    for (;;) {
      const before = i;
      while (/\s/.test(text[i] ?? '')) i++;
      if (text.startsWith('/>', i)) {
        i += 2;
        if (stack.length === 0) rootClosed = true;
        break;
      }
      if (text[i] === '>') {
        i++;
        stack.push(name);
        break;
      }
      if (i === before) fail('no space before an attribute');
      NAME.lastIndex = i;
      const attribute = NAME.exec(text);
      if (!attribute) fail('a bad attribute name');
      if (seen.has(attribute![0])) fail(`a duplicate attribute ${attribute![0]}`);
      seen.add(attribute![0]);
      i = NAME.lastIndex;
      if (text[i] !== '=' || text[i + 1] !== '"') fail('an attribute without ="value"');
      const end = text.indexOf('"', i + 2);
      if (end < 0) fail('an unterminated attribute value');
      checkText(i + 2, end, true);
      i = end + 1;
    }
  }
  if (stack.length > 0) fail(`unclosed <${stack[stack.length - 1]}>`);
  if (!rootClosed) fail('no root element');
  return elements;
}
