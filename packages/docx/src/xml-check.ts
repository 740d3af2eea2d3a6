/**
 * A linear well-formedness check of an XML part before mammoth's XML parser (xmldom) sees it.
 * Word writes well-formed XML; a part that is not (truncated, elements after the root, tags
 * that do not match) is damaged, and xmldom's error recovery on such parts is quadratic (a
 * 6.7 KB part took 15 s). Refusing it here costs one pass over the bytes.
 *
 * It checks tag nesting only (names matched, one root, nothing but space, comments and
 * processing instructions after it); entities and attributes are xmldom's to read. A DOCTYPE
 * is refused: Word never writes one, and it is how entity-expansion bombs begin.
 */
import { InputError } from '@qualspec/blocks';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

/** Deepest element nesting accepted (Word's deepest real nesting is a few dozen). */
export const MAX_XML_DEPTH = 2_000;

const damaged = (name: string, what: string) => new InputError('corrupt-docx', `not a readable .docx: ${name} is not well-formed XML (${what})`);

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isNameEnd = (c: number) => isSpace(c) || c === SLASH || c === GT;

/** Throw InputError unless `data` (one XML part, UTF-8) is well-formed in its tags. */
export function checkWellFormed(data: Uint8Array, name: string): void {
  const n = data.length;
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const indexOf = (seq: string, from: number) => Buffer.from(data.buffer, data.byteOffset, n).indexOf(seq, from, 'latin1');
  while (i < n) {
    const lt = data.indexOf(LT, i);
    if (lt < 0) {
      if (stack.length === 0) for (let k = i; k < n; k++) if (!isSpace(data[k]!) && roots > 0) throw damaged(name, 'text after the root element');
      break;
    }
    if (stack.length === 0 && roots > 0) for (let k = i; k < lt; k++) if (!isSpace(data[k]!)) throw damaged(name, 'text after the root element');
    const c = data[lt + 1];
    if (c === QUESTION) {
      const end = indexOf('?>', lt + 2);
      if (end < 0) throw damaged(name, 'unterminated processing instruction');
      i = end + 2;
      continue;
    }
    if (c === BANG) {
      if (data[lt + 2] === 0x2d && data[lt + 3] === 0x2d) {
        const end = indexOf('-->', lt + 4);
        if (end < 0) throw damaged(name, 'unterminated comment');
        i = end + 3;
        continue;
      }
      if (indexOf('[CDATA[', lt + 2) === lt + 2) {
        if (!stack.length) throw damaged(name, 'character data outside the root element');
        const end = indexOf(']]>', lt + 9);
        if (end < 0) throw damaged(name, 'unterminated CDATA section');
        i = end + 3;
        continue;
      }
      throw damaged(name, 'a DOCTYPE or other declaration, which Word never writes');
    }
    // A start or end tag: find its end, skipping quoted attribute values.
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const d = data[j]!;
      if (quote) {
        if (d === quote) quote = 0;
      } else if (d === DQUOTE || d === SQUOTE) quote = d;
      else if (d === GT) break;
      else if (d === LT) throw damaged(name, `"<" inside a tag at byte ${j}`);
    }
    if (j >= n) throw damaged(name, 'the part ends inside a tag (truncated?)');
    const closing = data[lt + 1] === SLASH;
    let s = closing ? lt + 2 : lt + 1;
    let e = s;
    while (e < j && !isNameEnd(data[e]!)) e++;
    if (e === s) throw damaged(name, `a tag without a name at byte ${lt}`);
    const tag = Buffer.from(data.buffer, data.byteOffset + s, e - s).toString('latin1');
    if (closing) {
      const open = stack.pop();
      if (open !== tag) throw damaged(name, open === undefined ? `</${tag}> closes nothing` : `</${tag}> closes <${open}>`);
    } else if (data[j - 1] !== SLASH) {
      if (!stack.length) {
        if (roots++ > 0) throw damaged(name, 'more than one root element');
      }
      stack.push(tag);
      if (stack.length > MAX_XML_DEPTH) throw damaged(name, `elements nested over ${MAX_XML_DEPTH} deep`);
    } else if (!stack.length && roots++ > 0) throw damaged(name, 'more than one root element');
    s = j + 1;
    i = s;
  }
  if (stack.length) throw damaged(name, `the part ends inside <${stack[stack.length - 1]}> (truncated?)`);
  if (!roots) throw damaged(name, 'no root element');
}
