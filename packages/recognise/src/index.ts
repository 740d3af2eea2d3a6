export { recognise } from './recognise.js';
export type { RecogniseOptions } from './recognise.js';
