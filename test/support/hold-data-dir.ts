/**
 * Takes a data directory's lock (as `flowline serve` does) and holds it until killed:
 *
 *   node --conditions=@flowline/source --import tsx test/support/hold-data-dir.ts <dir>
 *
 * Prints `HOLDING <pid>` once it has the lock.
 */
import { lockDataDir } from '../../packages/cli/src/host/data-dir-lock.js';

const [dir] = process.argv.slice(2);
if (dir === undefined) throw new TypeError('Expected the data directory to hold');
await lockDataDir(dir, 'hold-data-dir');
process.stdout.write(`HOLDING ${process.pid}\n`);
setInterval(() => {}, 1 << 30);
