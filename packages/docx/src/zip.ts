/**
 * A guard read of a zip archive before anything unpacks it: the central directory (entry count,
 * declared sizes, methods), then every entry inflated under a hard cap so that lying headers
 * cannot make us, or the library that reads the archive after us, allocate more than the limit.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { InputError } from '@qualspec/blocks';
import { checkWellFormed } from './xml-check.js';

export interface ZipEntry {
  name: string;
  crc: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipLimits {
  /** Largest total uncompressed content. */
  maxBytes: number;
  /** Most entries. */
  maxEntries: number;
}

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;

function corrupt(what: string): InputError {
  return new InputError('corrupt-docx', `not a readable .docx: damaged zip archive (${what})`);
}

/** Read the central directory, refusing archives over the limits by their declared sizes. */
export function readCentralDirectory(buf: Buffer, limits: ZipLimits): ZipEntry[] {
  if (buf.length < 22) throw corrupt('too short');
  // End of central directory record: last 22 bytes, or before a comment of up to 65535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD && i + 22 + buf.readUInt16LE(i + 20) <= buf.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    throw new InputError('unsupported-docx', 'not a readable .docx: zip64 archives are not supported');
  }
  if (count > limits.maxEntries) throw new InputError('too-large', `archive has ${count} entries, over the ${limits.maxEntries}-entry limit`);
  if (cdOffset + cdSize > eocd) throw corrupt('central directory out of bounds');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CDH) throw corrupt('bad central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > eocd) throw corrupt('bad central directory entry');
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw new InputError('unsupported-docx', 'not a readable .docx: zip64 archives are not supported');
    }
    total += size;
    if (total > limits.maxBytes) {
      throw new InputError('too-large', `archive content is over the ${limits.maxBytes}-byte uncompressed limit (a zip bomb?)`);
    }
    entries.push({ name, crc, method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The bytes of one entry, inflated with at most its declared size (plus nothing): a lying header is refused. */
export function readEntry(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LFH) throw corrupt(`bad local header for ${e.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw corrupt(`entry ${e.name} out of bounds`);
  const data = buf.subarray(start, end);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw corrupt(`stored entry ${e.name} has inconsistent sizes`);
    return data;
  }
  if (e.method !== 8) throw new InputError('unsupported-docx', `not a readable .docx: unsupported zip compression method ${e.method}`);
  let out: Buffer;
  try {
    // One byte more than declared, so that content beyond the declared size is detected, not produced.
    out = inflateRawSync(data, { maxOutputLength: e.size + 1 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new InputError('too-large', `archive entry inflates beyond its declared size (a zip bomb?)`);
    throw corrupt(`entry ${e.name} does not inflate`);
  }
  if (out.length !== e.size) {
    if (out.length > e.size) throw new InputError('too-large', `archive entry inflates beyond its declared size (a zip bomb?)`);
    throw corrupt(`entry ${e.name} is shorter than declared`);
  }
  return out;
}

/**
 * Check a whole archive: limits by declared sizes, then every part inflated (each capped at its
 * declared size, so at most maxBytes in all), whatever its name: the reader finds parts by the
 * relationships, not by extension. Only the parts the relationships name as images are left
 * unread (the converter drops images without reading them). Parts that are XML are checked
 * to be well-formed. Returns
 * the entries and a reader of the parts this adapter reads itself.
 *
 * The caller hands the reader the archive as this guard saw it (replaceEntries), never the input
 * bytes: a reader that finds another archive in them (data before the first entry shifts
 * JSZip's offsets) could otherwise read parts this guard never checked.
 */
export function checkZip(bytes: Uint8Array, limits: ZipLimits): { entries: ZipEntry[]; get(name: string): Buffer | undefined } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(buf, limits);
  const keep = new Map<string, Buffer>();
  // The relationships first: they say which parts are images, which the converter never reads.
  const images = new Set<string>();
  const read = new Set<string>();
  const isRels = (name: string) => /(^|\/)_rels\/[^/]*\.rels$/i.test(name);
  for (const e of entries) {
    if (!isRels(e.name)) continue;
    const data = readEntry(buf, e);
    if (looksLikeXml(data)) checkWellFormed(data, e.name);
    for (const [target, image] of relationshipTargets(e.name, data.toString('utf8'))) (image ? images : read).add(target);
    if (KEEP.test(e.name)) keep.set(e.name.toLowerCase(), data);
  }
  for (const e of entries) {
    const lower = e.name.toLowerCase();
    // (A part also named by another relationship, say as the main document, is read.)
    if ((e.name.endsWith('/') && e.size === 0) || (images.has(lower) && !read.has(lower)) || isRels(e.name)) continue;
    const data = readEntry(buf, e);
    if (looksLikeXml(data)) checkWellFormed(data, e.name);
    // Keep only the small XML parts this adapter reads itself; the rest are verified and let go.
    if (KEEP.test(e.name)) keep.set(e.name.toLowerCase(), data);
  }
  return { entries, get: (name) => keep.get(name.toLowerCase()) };
}

/** The parts a relationships part names (internal targets, resolved against its source part's folder, lower-cased), each with whether it is named as an image. */
function relationshipTargets(relsName: string, xml: string): Array<[string, boolean]> {
  const base = relsName.replace(/(^|\/)_rels\/[^/]*$/, '$1');
  const out: Array<[string, boolean]> = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attr = (n: string) => new RegExp(`\\b${n}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(m[1]!)?.slice(2).find((v) => v !== undefined);
    if (/^external$/i.test(attr('TargetMode') ?? '')) continue;
    const target = attr('Target');
    if (!target) continue;
    const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
    const path: string[] = [];
    for (const p of parts) {
      if (p === '..') path.pop();
      else if (p && p !== '.') path.push(p);
    }
    out.push([path.join('/').toLowerCase(), /\/image$/.test(attr('Type') ?? '')]);
  }
  return out;
}

/** A part whose first non-space byte (after a UTF-8 byte-order mark) is `<`: the reader may parse it as XML. */
function looksLikeXml(data: Uint8Array): boolean {
  let i = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  while (i < data.length && (data[i] === 0x20 || data[i] === 0x09 || data[i] === 0x0a || data[i] === 0x0d)) i++;
  return data[i] === 0x3c;
}

/** The parts this adapter reads itself. */
const KEEP = /^(word\/(styles|numbering|document)\.xml|\[Content_Types\]\.xml|_rels\/\.rels)$/i;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The same archive with some parts replaced (written deflated); every other entry is copied as
 * it is, still compressed. Only ever applied to an archive checkZip has accepted.
 */
export function replaceEntries(bytes: Uint8Array, entries: ZipEntry[], replace: Map<string, Buffer>): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    let method = e.method;
    let data: Buffer;
    let crc = e.crc;
    let size = e.size;
    const fresh = replace.get(e.name);
    if (fresh) {
      data = deflateRawSync(fresh);
      method = 8;
      crc = crc32(fresh);
      size = fresh.length;
    } else {
      const p = e.localOffset;
      const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
      data = buf.subarray(start, start + e.compressedSize);
    }
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(LFH, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6); // names in UTF-8
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, data);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(CDH, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(data.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
