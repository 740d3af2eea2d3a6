/** Paths of the committed fixtures, for tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const fixture = (p: string) => `${root}fixtures/${p}`;
export const SEEDS = {
  proqualL2Web: fixture('seeds/000_95d24b0889ea2dfb.txt'),
  proqualL3Pdftext: fixture('seeds/001_f68a613929ff46c3.txt'),
  proqualCertMarkdown: fixture('seeds/002_ad01b6a3c5de5f33.txt'),
  habcL3Markdown: fixture('seeds/003_46569ff9cfb36880.txt'),
  sfjDraft: fixture('seeds/004_310dec6ea9f8f7ac.txt'),
};
export const gold = (p: string) => JSON.parse(readFileSync(p.replace(/\.(txt|pdf|docx|web\.html)$/, '.gold.json'), 'utf8'));
