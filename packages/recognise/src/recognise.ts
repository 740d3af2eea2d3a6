import type { AdapterResult } from '@qualspec/blocks';
import type { SpecDocument, Source } from '@qualspec/model';

export interface RecogniseOptions {
  source: Source;
}

/** Turn a block stream into a SpecDocument (stub: replaced by the real recogniser). */
export function recognise(stream: AdapterResult, options: RecogniseOptions): SpecDocument {
  void stream;
  return {
    schemaVersion: '1',
    source: options.source,
    awardingBody: null,
    qualification: { title: null, number: null, level: null, credits: null, glh: null, glhMax: null, tqt: null, draft: false, rules: null },
    units: [],
    diagnostics: [],
  };
}
