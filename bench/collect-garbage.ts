import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** V8's full collection, reachable without starting node with --expose-gc. */
const gc = runInNewContext('gc') as () => void;

/**
 * Collects garbage before a measurement, so that a round does not pay for what the previous
 * round (of the other side) left behind.
 */
export function collectGarbage(): void {
  gc();
}
