import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/node-child.js';

/** The environment variable that carries the signing secret to `flowline serve` (never in the config file). */
export const SECRET_ENV = 'FLOWLINE_CRASH_TEST_SIGNING_SECRET';

/** `<dir>/flowline.config.json`: the examples' configuration, pointed at the sandbox's GHL and PushPress API. */
export function writeCrashConfig(dir: string, ghlUrl: string, pushpressUrl: string): string {
  const base = JSON.parse(readFileSync(join(REPO_ROOT, 'examples/flowline.config.json'), 'utf8')) as Record<string, unknown>;
  const config = {
    ...base,
    ghl: { baseUrl: ghlUrl },
    pushpress: { baseUrl: pushpressUrl, signingSecrets: [`$env:${SECRET_ENV}`] },
  };
  const file = join(dir, 'flowline.config.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
