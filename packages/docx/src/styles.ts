/** Word styles (word/styles.xml): bold, italic and outline level, resolved through basedOn. */

export interface StyleInfo {
  type: string;
  name?: string;
  /** true/false when the style (or one it is based on) sets it; undefined when none does. */
  bold?: boolean;
  italic?: boolean;
  /** Shown in capitals (w:caps). */
  caps?: boolean;
  /** Word outline level, 0-based (0 = heading 1). */
  outlineLevel?: number;
}

function val(tag: string): string | undefined {
  return /\bw:val\s*=\s*"([^"]*)"/.exec(tag)?.[1];
}

/** A Word on/off property: present without w:val, or w:val true/1/on. */
function onOff(xml: string, el: string): boolean | undefined {
  const m = new RegExp(`<w:${el}(\\s[^>]*)?/?>`).exec(xml);
  if (!m) return undefined;
  const v = val(m[0]);
  return v === undefined || !/^(false|0|off|none)$/i.test(v);
}

interface Raw extends StyleInfo {
  basedOn?: string;
}

export function readStyles(xml: string): Map<string, StyleInfo> {
  const raw = new Map<string, Raw>();
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const head = m[1]!;
    const body = m[2]!;
    const id = /\bw:styleId\s*=\s*"([^"]*)"/.exec(head)?.[1];
    if (!id) continue;
    const type = /\bw:type\s*=\s*"([^"]*)"/.exec(head)?.[1] ?? 'paragraph';
    // The style's own run properties (not those of the paragraph mark inside pPr).
    const withoutPPr = body.replace(/<w:pPr\b[\s\S]*?<\/w:pPr>/g, '');
    const rPr = /<w:rPr\b[^>]*>([\s\S]*?)<\/w:rPr>/.exec(withoutPPr)?.[1] ?? '';
    const pPr = /<w:pPr\b[^>]*>([\s\S]*?)<\/w:pPr>/.exec(body)?.[1] ?? '';
    const outline = /<w:outlineLvl\b[^>]*>/.exec(pPr);
    const level = outline ? Number(val(outline[0])) : undefined;
    raw.set(id, {
      type,
      name: val(/<w:name\b[^>]*>/.exec(body)?.[0] ?? ''),
      basedOn: val(/<w:basedOn\b[^>]*>/.exec(body)?.[0] ?? ''),
      bold: onOff(rPr, 'b'),
      italic: onOff(rPr, 'i'),
      caps: onOff(rPr, 'caps'),
      outlineLevel: level !== undefined && Number.isInteger(level) && level >= 0 && level <= 8 ? level : undefined,
    });
  }
  const resolved = new Map<string, StyleInfo>();
  const resolve = (id: string, seen: Set<string>): StyleInfo | undefined => {
    const done = resolved.get(id);
    if (done) return done;
    const r = raw.get(id);
    if (!r) return undefined;
    seen.add(id);
    const base = r.basedOn && !seen.has(r.basedOn) ? resolve(r.basedOn, seen) : undefined;
    const info: StyleInfo = {
      type: r.type,
      name: r.name,
      bold: r.bold ?? base?.bold,
      italic: r.italic ?? base?.italic,
      caps: r.caps ?? base?.caps,
      outlineLevel: r.outlineLevel ?? base?.outlineLevel,
    };
    resolved.set(id, info);
    return info;
  };
  for (const id of raw.keys()) resolve(id, new Set());
  return resolved;
}
