let lastMs = Number.NaN;
let lastText = '';

/**
 * `new Date(ms).toISOString()`, remembering the last answer: a run asks for the same
 * millisecond several times (queued, started, each step's events and records).
 */
export function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastText = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastText;
}
