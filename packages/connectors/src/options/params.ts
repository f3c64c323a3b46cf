import { closestNames } from '@flowline/core';
import { OptionsError } from './options-error.js';

/** One parameter an option source takes (e.g. the chosen `pipelineId` of stages). */
export interface OptionParam {
  readonly name: string;
  readonly required: boolean;
  readonly description: string;
  /** The values allowed, when there is a fixed list. */
  readonly enum?: readonly string[];
  /**
   * Other names the same value arrives under: a catalog field's `x-flowline.options.dependsOn`
   * names its sibling (`pipelineId`, or `pipeline_id` in a query), and a builder sends it as is.
   */
  readonly aliases?: readonly string[];
}

export type OptionParams = Readonly<Record<string, string>>;

/**
 * The parameters a source uses, checked: each a non-empty string (from its enum when it has
 * one), required ones present. Members the source does not take are ignored (a builder may
 * send the whole form), so they never split the cache; a missing required one whose name a
 * given member nearly spells is named in the hint.
 */
export function readParams(source: string, specs: readonly OptionParam[], given: Readonly<Record<string, unknown>> | undefined): OptionParams {
  if (given !== undefined && (given === null || typeof given !== 'object' || Array.isArray(given))) {
    throw new OptionsError('options.invalid-params', `Option source "${source}": expected params to be an object of strings`, { pointer: '/params' });
  }
  const read: Record<string, string> = {};
  for (const spec of specs) {
    const named = [spec.name, ...(spec.aliases ?? [])].find((name) => given?.[name] !== undefined && given[name] !== null && given[name] !== '');
    const value = named === undefined ? undefined : given?.[named];
    if (value === undefined || value === null || value === '') {
      if (!spec.required) continue;
      const near = closestNames(spec.name, Object.keys(given ?? {}));
      throw new OptionsError('options.invalid-params', `Option source "${source}" needs params.${spec.name}: ${spec.description}`, {
        pointer: `/params/${spec.name}`,
        hint:
          near.length > 0
            ? `Did you mean params.${spec.name} instead of params.${near[0]}?`
            : `Pass the chosen ${spec.name} as params.${spec.name}; until one is chosen there are no options to show.`,
      });
    }
    const at = named ?? spec.name;
    if (typeof value !== 'string') {
      throw new OptionsError('options.invalid-params', `Option source "${source}": expected params.${at} to be a string, got ${typeof value}`, {
        pointer: `/params/${at}`,
      });
    }
    if (spec.enum !== undefined && !spec.enum.includes(value)) {
      throw new OptionsError('options.invalid-params', `Option source "${source}": params.${at} must be one of ${spec.enum.map((v) => `"${v}"`).join(', ')}`, {
        pointer: `/params/${at}`,
        hint: `Use one of ${spec.enum.join(', ')}.`,
      });
    }
    read[spec.name] = value;
  }
  return read;
}
