import type { ExpressionFunction } from '../expression-compiler.js';
import { TIME_ZONE_FUNCTIONS } from './time-zones.js';
import { phoneExtensionFunction, toE164Function } from './to-e164.js';

/** Functions every Flowline expression has besides JSONata's own. */
export const BUILT_IN_FUNCTIONS: Readonly<Record<string, ExpressionFunction>> = {
  toE164: toE164Function,
  phoneExtension: phoneExtensionFunction,
  ...TIME_ZONE_FUNCTIONS,
};
