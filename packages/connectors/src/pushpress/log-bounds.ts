/**
 * Log lines carry what the sender chose (ids, keys, pointers), so each field is bounded: a few
 * hundred characters per value and a few values per list, with how much was left out.
 */
export const MAX_LOGGED_TEXT = 200;
export const MAX_LOGGED_ITEMS = 10;

/** `text`, cut to `max` characters with a note of how many more there were. */
export function boundedText(text: string, max = MAX_LOGGED_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/** The first `max` items of a list (each bounded) and how many there were in all. */
export function boundedList(items: readonly string[], max = MAX_LOGGED_ITEMS): { readonly count: number; readonly first: string[] } {
  return { count: items.length, first: items.slice(0, max).map((item) => boundedText(item)) };
}
