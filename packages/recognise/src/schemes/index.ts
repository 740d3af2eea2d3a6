/**
 * The numbering schemes, in order of preference when two read a unit equally well. A new
 * scheme is a new file and one line here.
 */
import { decimal } from './decimal.js';
import { graded } from './graded.js';
import { learningAim } from './learning-aim.js';
import { decimalList } from './listed.js';
import { local } from './local.js';
import type { Scheme } from './scheme.js';

export const SCHEMES: readonly Scheme[] = [decimal, local, decimalList, graded, learningAim];

export type { Role, Scheme, SchemeExample, Token } from './scheme.js';
export { decimal, decimalList, graded, learningAim, local };
