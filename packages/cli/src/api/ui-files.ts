import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FlowlineError } from '@flowline/core';

const PACKAGE = '@flowline/builder';

/** The directories `@flowline/builder` may be in, nearest first: node_modules up from here, then the workspace's apps/builder. */
function candidates(from: string): string[] {
  const found: string[] = [];
  let dir = from;
  for (;;) {
    found.push(join(dir, 'node_modules', ...PACKAGE.split('/')));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // A checkout of the repository: packages/cli/{src,dist}/api -> apps/builder.
  found.push(join(from, '..', '..', '..', '..', 'apps', 'builder'));
  return found;
}

/**
 * The builder's built files (`dist` of the `@flowline/builder` package). The CLI does not depend
 * on the builder: it is looked up when `--ui` asks for it, as an installed package or in the
 * workspace, and a missing or unbuilt one is an error that says how to get it.
 */
export function builderDist(from: string = dirname(fileURLToPath(import.meta.url))): string {
  const packageDir = candidates(from).find((dir) => existsSync(join(dir, 'package.json')));
  if (packageDir === undefined) {
    throw new FlowlineError('cli.ui-missing', `--ui serves the builder, but the package ${PACKAGE} is not installed`, {
      hint: `Install ${PACKAGE} beside @flowline/cli, or point the config's api.ui.root at a built copy.`,
    });
  }
  const dist = join(packageDir, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new FlowlineError('cli.ui-missing', `--ui serves the builder, but ${PACKAGE} is not built (${join(dist, 'index.html')} does not exist)`, {
      hint: `Build it with \`pnpm --filter ${PACKAGE} build\`.`,
    });
  }
  return dist;
}
