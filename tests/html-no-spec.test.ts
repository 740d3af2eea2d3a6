/**
 * Web pages without a specification through parseSpec: a page of nothing but site chrome is
 * unreadable input (InputError); a page with other content parses to no units and an error
 * diagnostic (the recogniser's judgement, not the adapter's).
 */
import { describe, expect, it } from 'vitest';
import { InputError, parseSpec } from 'qualspec';

const page = (body: string) => ({ text: `<!doctype html><html><head><title>Site</title><script>var x = 1;</script></head><body>${body}</body></html>`, path: 'page.html' });

describe('web pages with no specification in them', () => {
  it('a page of only navigation, scripts and footer is refused with a one-line InputError', async () => {
    const run = parseSpec(page('<nav><a href="/">Home</a> | <a href="/c">Courses</a></nav><div role="banner">Example Training</div><footer>© Example</footer>'));
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toMatchObject({ code: 'no-content' });
    await expect(run).rejects.toSatisfy((e: Error) => !e.message.includes('\n'));
  });

  it('a page with an unrelated article gives no units and an error diagnostic', async () => {
    const doc = await parseSpec(
      page(
        '<nav><a href="/">Home</a></nav><article><h1>Ten tips for a tidy garden</h1><p>Spring is here and the borders need attention.</p>' +
          '<ol><li>Prune the roses early.</li><li>Mulch the beds.</li></ol><table><tr><td>Task</td><td>Month</td></tr><tr><td>Sow seeds</td><td>March</td></tr></table></article>',
      ),
    );
    expect(doc.source.format).toBe('html');
    expect(doc.units).toEqual([]);
    expect(doc.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});
