import { isAbsolute, resolve } from 'node:path';
import { FlowlineError } from '@flowline/core';
import type { HostConfig } from '../host-config.js';
import { builderDist } from './ui-files.js';
import { checkFrameAncestors, type UiOptions } from './ui-static.js';

type UiConfig = NonNullable<NonNullable<HostConfig['api']>['ui']>;

/**
 * Whether and how the API serves the builder: `--ui` or the config's `api.ui` (`true`, or an
 * object with `root` and `frameAncestors`). Off unless asked for; asked for without the API, or
 * with a malformed `api.ui`, it is a configuration error.
 */
export function uiSettings(config: UiConfig | undefined, flag: boolean, apiOn: boolean): UiOptions | undefined {
  if (!flag && (config === undefined || config === false)) return undefined;
  if (!apiOn) {
    throw new FlowlineError('cli.bad-config', 'The builder (--ui or api.ui) is served by the HTTP API, which is off', {
      pointer: '/api/port',
      hint: 'Give the API a port too: --api-port 8788 (or "api": { "port": 8788 } in the config).',
    });
  }
  const settings = typeof config === 'object' && config !== null ? config : {};
  if (config !== undefined && typeof config !== 'boolean' && (typeof config !== 'object' || config === null || Array.isArray(config))) {
    throw new FlowlineError('cli.bad-config', 'api.ui must be true, false or an object { root, frameAncestors }', { pointer: '/api/ui' });
  }
  if (settings.root !== undefined && typeof settings.root !== 'string') {
    throw new FlowlineError('cli.bad-config', 'api.ui.root must be the path of the builder\'s built files', { pointer: '/api/ui/root' });
  }
  if (settings.frameAncestors !== undefined && !Array.isArray(settings.frameAncestors)) {
    throw new FlowlineError('cli.bad-config', 'api.ui.frameAncestors must be an array of sources', { pointer: '/api/ui/frameAncestors', hint: `e.g. ["'self'", "https://app.example.com"]` });
  }
  const root = settings.root === undefined ? builderDist() : isAbsolute(settings.root) ? settings.root : resolve(settings.root);
  return { root, ...(settings.frameAncestors === undefined ? {} : { frameAncestors: checkFrameAncestors(settings.frameAncestors) }) };
}
