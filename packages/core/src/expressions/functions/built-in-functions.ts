import type { ExpressionFunction } from '../expression-compiler.js';
import { toE164Function } from './to-e164.js';

/** Functions every Flowline expression has besides JSONata's own. */
export const BUILT_IN_FUNCTIONS: Readonly<Record<string, ExpressionFunction>> = {
  toE164: toE164Function,
};
