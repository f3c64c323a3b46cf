/** JSONata's notion of true (as `$boolean`): empty strings, zero, empty arrays and objects, null and undefined are false. */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isTruthy);
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}
