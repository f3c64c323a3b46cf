export { isStillValid, keepIfValid, type Option, type OptionsResult } from './option.js';
export { OptionsError, type OptionsErrorCode } from './options-error.js';
export type { OptionParam, OptionParams } from './params.js';
export { ghlOptionSources, type GhlOptionSource } from './ghl-sources.js';
export {
  createOptionsResolver,
  DEFAULT_OPTIONS_MAX_ENTRIES,
  DEFAULT_OPTIONS_TTL_MS,
  type ConnectionLookup,
  type InvalidateOptionsFilter,
  type OptionSourceInfo,
  type OptionsResolver,
  type OptionsResolverOptions,
  type ResolveOptionsRequest,
} from './options-resolver.js';
