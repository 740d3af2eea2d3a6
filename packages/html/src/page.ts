/**
 * Saved web pages: find the document's content inside the site's chrome by structure (element
 * kinds, ARIA roles, form controls, text and link density), never by known words or class names.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { collapse } from '@qualspec/blocks';
import { INVISIBLE, isHidden } from './hast.js';

type Parent = Root | Element;

/** Site chrome wherever it appears. */
const CHROME_TAGS = new Set(['nav', 'aside', 'dialog', 'menu', 'search']);
/** Page header/footer: chrome when they belong to the page, not to an article or main. */
const PAGE_BAND_TAGS = new Set(['header', 'footer']);
const CHROME_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog', 'search', 'menu',
  'menubar', 'toolbar', 'tablist', 'alert', 'marquee', 'timer', 'status', 'log',
]);
const CONTROLS = new Set(['input', 'textarea', 'select', 'button']);
/** Elements the content search may step into (never into a table's rows or cells). */
const CONTAINERS = new Set(['html', 'body', 'div', 'section', 'article', 'main', 'form', 'center', 'span', 'font', 'figure', 'details']);
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption']);

function role(el: Element): string {
  const r = el.properties?.role;
  return (Array.isArray(r) ? r.join(' ') : String(r ?? '')).toLowerCase().trim();
}

function isElement(n: RootContent | ElementContent): n is Element {
  return n.type === 'element';
}

interface Stats {
  /** Visible text characters (white space collapsed). */
  text: number;
  /** Of which inside links. */
  link: number;
  links: number;
  controls: number;
  tables: number;
}

function stats(node: Parent, memo: Map<Parent, Stats>): Stats {
  const hit = memo.get(node);
  if (hit) return hit;
  const s: Stats = { text: 0, link: 0, links: 0, controls: 0, tables: 0 };
  const isLink = node.type === 'element' && node.tagName === 'a' && node.properties?.href !== undefined;
  for (const c of node.children) {
    if (c.type === 'text') s.text += collapse(c.value).length;
    else if (isElement(c)) {
      const name = c.tagName;
      if (CONTROLS.has(name)) {
        if (!(name === 'input' && String(c.properties?.type ?? '').toLowerCase() === 'hidden')) s.controls++;
        continue;
      }
      if (INVISIBLE.has(name) || isHidden(c)) continue;
      const k = stats(c, memo);
      s.text += k.text;
      s.link += k.link;
      s.links += k.links;
      s.controls += k.controls;
      s.tables += k.tables + (name === 'table' ? 1 : 0);
    }
  }
  if (isLink) {
    s.link = s.text;
    s.links += 1;
  }
  memo.set(node, s);
  return s;
}

/** Remove the elements for which `drop` says so, top down (a dropped element is not visited). */
function prune(node: Parent, drop: (el: Element, ancestors: Element[]) => boolean, ancestors: Element[] = []): void {
  const kept: typeof node.children = [];
  for (const c of node.children) {
    if (isElement(c)) {
      if (drop(c, ancestors)) continue;
      prune(c, drop, [...ancestors, c]);
    }
    kept.push(c as never);
  }
  node.children = kept as never;
}

function findAll(node: Parent, test: (el: Element) => boolean, out: Element[] = []): Element[] {
  for (const c of node.children) {
    if (!isElement(c)) continue;
    if (test(c)) out.push(c);
    findAll(c, test, out);
  }
  return out;
}

function pathTo(root: Parent, target: Element): Parent[] | null {
  if (root === target) return [root];
  for (const c of root.children) {
    if (!isElement(c)) continue;
    const p = pathTo(c, target);
    if (p) return [root, ...p];
  }
  return null;
}

function commonAncestor(root: Parent, els: Element[]): Parent {
  const paths = els.map((e) => pathTo(root, e) ?? [root]);
  let i = 0;
  while (paths.every((p) => i < p.length && p[i] === paths[0]![i])) i++;
  return paths[0]![Math.max(0, i - 1)]!;
}

/** Drop what is never content: scripts, styles, hidden elements, navigation, page header and footer, asides, dialogs. */
function dropChrome(tree: Root): void {
  prune(tree, (el, ancestors) => {
    const name = el.tagName;
    // Form controls stay for now: they tell banners and forms apart from content (dropBoilerplate).
    if ((INVISIBLE.has(name) && !CONTROLS.has(name)) || isHidden(el)) return true;
    if (CHROME_TAGS.has(name)) return true;
    const r = role(el);
    if (r && r.split(/\s+/).some((x) => CHROME_ROLES.has(x))) return true;
    if (PAGE_BAND_TAGS.has(name) && !ancestors.some((a) => a.tagName === 'article' || a.tagName === 'main' || role(a) === 'main')) return true;
    return false;
  });
}

/** The element holding the page's content: main, else the article(s), else by text density. */
function contentRoot(tree: Root, memo: Map<Parent, Stats>): Parent {
  const body = findAll(tree, (e) => e.tagName === 'body')[0] ?? tree;
  const total = stats(body, memo).text - stats(body, memo).link;
  if (total <= 0) return body;
  const own = (e: Parent) => stats(e, memo).text - stats(e, memo).link;

  const mains = findAll(body, (e) => e.tagName === 'main' || role(e) === 'main').sort((a, b) => own(b) - own(a));
  if (mains[0] && own(mains[0]) >= 0.5 * total) return mains[0];

  const articles = findAll(body, (e) => e.tagName === 'article' || role(e) === 'article')
    .filter((a) => own(a) >= 0.1 * total)
    // outermost only
    .filter((a, _i, all) => !all.some((b) => b !== a && pathTo(b, a)));
  const inArticles = articles.reduce((n, a) => n + own(a), 0);
  if (articles.length === 1 && inArticles >= 0.5 * total) return articles[0]!;
  if (articles.length > 1 && inArticles >= 0.5 * total) return commonAncestor(body, articles);

  // Readability-style: step into the one container that holds most of the non-link text. The
  // headings set just before it, with nothing else beside them (the page's own title over the
  // document's body), title what it holds: they are kept with it.
  let node: Parent = body;
  const titles: Element[] = [];
  for (;;) {
    const here = own(node);
    const children = (node.children as (RootContent | ElementContent)[]).filter(isElement);
    const kids: Element[] = children.filter((c) => CONTAINERS.has(c.tagName));
    const best: Element | undefined = [...kids].sort((a, b) => own(b) - own(a))[0];
    if (!best || own(best) < 0.75 * here) break;
    const before = children.slice(0, children.indexOf(best)).filter((c) => own(c) > 0);
    if (before.length && before.every((c) => /^h[1-6]$/.test(c.tagName) || (CONTAINERS.has(c.tagName) && onlyHeadings(c)))) titles.push(...before);
    else titles.length = 0;
    node = best;
  }
  if (!titles.length || node.type !== 'element') return node;
  return { type: 'element', tagName: 'div', properties: {}, children: [...titles, node] };
}

/**
 * Inside the content: drop comment and search forms (form controls, little text), banners with
 * buttons, link lists (menus, breadcrumbs, tag clouds), and sections left with only a heading.
 */
function dropBoilerplate(root: Parent, memo: Map<Parent, Stats>): void {
  const emptied = new Set<Element>();
  const isBoiler = (el: Element): boolean => {
    const name = el.tagName;
    if (TABLE_PARTS.has(name) || name === 'li') return false;
    const s = stats(el, memo);
    if (s.tables > 0) return false;
    const plain = s.text - s.link;
    if (s.controls > 0 && (name === 'form' ? plain < 500 : plain < 200)) return true;
    if (s.links >= 2 && s.text > 0 && s.link / s.text > 0.6 && s.link / s.links < 30) return true;
    return false;
  };
  const walk = (node: Parent): void => {
    const kept: typeof node.children = [];
    for (const c of node.children) {
      if (isElement(c)) {
        if (isBoiler(c)) {
          if (node.type === 'element') emptied.add(node);
          continue;
        }
        walk(c);
        // A section left with nothing but headings once its form or links are gone.
        if (emptied.has(c) && onlyHeadings(c)) {
          if (node.type === 'element') emptied.add(node);
          continue;
        }
      }
      kept.push(c as never);
    }
    node.children = kept as never;
  };
  walk(root);
}

function onlyHeadings(el: Element): boolean {
  let other = false;
  const visit = (n: Element) => {
    for (const c of n.children) {
      if (c.type === 'text' && collapse(c.value)) other = true;
      else if (isElement(c) && !/^h[1-6]$/.test(c.tagName)) visit(c);
    }
  };
  visit(el);
  return !other;
}

/** The part of a whole-page hast tree that holds the document, chrome removed (mutates the tree). */
export function pageContent(tree: Root): Parent {
  dropChrome(tree);
  const root = contentRoot(tree, new Map());
  dropBoilerplate(root, new Map());
  return root;
}
