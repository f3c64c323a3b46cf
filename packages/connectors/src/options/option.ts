/** One choice of a dynamic select: what is stored in the workflow, what the builder shows. */
export interface Option {
  /** What the field holds when this option is chosen (an id, or a tag's name). */
  readonly value: string;
  /** What a person reads in the list. */
  readonly label: string;
  /** A second line (a user's email, a custom field's data type). */
  readonly description?: string;
}

/** What `resolve` answers. */
export interface OptionsResult {
  readonly source: string;
  readonly options: readonly Option[];
  /** When GHL answered the request these options came from (epoch ms). */
  readonly fetchedAt: number;
  /** True when the answer came from the cache or from another caller's request in flight. */
  readonly cached: boolean;
}

/** Whether `value` (a still-selected value) is among `options`. */
export function isStillValid(value: unknown, options: readonly Option[]): boolean {
  return typeof value === 'string' && options.some((option) => option.value === value);
}

/**
 * What a field keeps when its options change (e.g. the stages after another pipeline was chosen):
 * the selected value when it is still an option, else undefined; for a multi-select, the values
 * that still are, in their order.
 */
export function keepIfValid(value: string, options: readonly Option[]): string | undefined;
export function keepIfValid(value: readonly string[], options: readonly Option[]): string[];
export function keepIfValid(value: unknown, options: readonly Option[]): string | string[] | undefined;
export function keepIfValid(value: unknown, options: readonly Option[]): string | string[] | undefined {
  if (Array.isArray(value)) return value.filter((v): v is string => isStillValid(v, options));
  return isStillValid(value, options) ? (value as string) : undefined;
}
