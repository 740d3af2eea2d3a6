export { recognise } from './recognise.js';
export type { RecogniseOptions } from './recognise.js';
export { Trace, type TraceEntry } from './trace.js';
export { SCHEMES, type Scheme, type Token } from './schemes/index.js';
