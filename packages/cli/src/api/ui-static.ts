import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { FlowlineError } from '@flowline/core';

/** The builder's built files, served by the HTTP API on its own origin (`flowline serve --ui`). */
export interface UiOptions {
  /** The directory holding index.html and the hashed assets (apps/builder/dist). */
  readonly root: string;
  /** Who may frame the builder (CSP `frame-ancestors`): `'self'`, `'none'` or origins like `https://app.example.com`; default `'self'`. */
  readonly frameAncestors?: readonly string[];
}

/** A year: hashed asset names change with their content, so a browser may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const SOURCE = /^(?:'self'|'none'|https?:\/\/(?:\*\.)?[a-z0-9.-]+(?::\d{1,5})?)$/i;

/** Checks the `frame-ancestors` sources; a wrong one is a configuration error naming it. */
export function checkFrameAncestors(sources: readonly unknown[], pointer = '/api/ui/frameAncestors'): readonly string[] {
  sources.forEach((source, index) => {
    if (typeof source !== 'string' || !SOURCE.test(source)) {
      throw new FlowlineError('cli.bad-config', `${pointer}/${index}: ${JSON.stringify(source)} is not a frame-ancestors source`, {
        pointer: `${pointer}/${index}`,
        hint: `Use 'self', 'none' or an origin such as https://app.example.com (scheme, host and optional port; no path).`,
      });
    }
  });
  if (sources.includes("'none'") && sources.length > 1) {
    throw new FlowlineError('cli.bad-config', `${pointer}: 'none' cannot be combined with other sources`, { pointer, hint: "Use 'none' alone, or list the origins that may frame the builder." });
  }
  return sources as readonly string[];
}

/** The Content-Security-Policy the builder runs under: its own scripts, styles and API only. */
export function uiContentSecurityPolicy(frameAncestors: readonly string[] = ["'self'"]): string {
  return [
    "default-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    `frame-ancestors ${checkFrameAncestors(frameAncestors).join(' ')}`,
  ].join('; ');
}

/** Cache policy by file: hashed assets for a year, everything else (index.html, embed.js) revalidated each time. */
function cacheControlOf(root: string, path: string): string {
  return path.startsWith(`${join(root, 'assets')}${sep}`) ? IMMUTABLE : 'no-cache';
}

/**
 * Serves the builder at `/` (index.html, assets/…), beside the API's `/api` routes, with a strict
 * CSP and `nosniff`. The routes stay out of the OpenAPI document. A missing file is the API's 404.
 */
export async function registerUiRoutes(app: FastifyInstance, options: UiOptions): Promise<void> {
  if (!existsSync(join(options.root, 'index.html'))) {
    throw new FlowlineError('cli.ui-missing', `The builder's files are not built: ${join(options.root, 'index.html')} does not exist`, {
      hint: 'Build them with `pnpm --filter @flowline/builder build`, or start without --ui.',
    });
  }
  const policy = uiContentSecurityPolicy(options.frameAncestors);
  await app.register(fastifyStatic, {
    root: options.root,
    prefix: '/',
    schemaHide: true,
    wildcard: true,
    index: ['index.html'],
    dotfiles: 'deny',
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders: (reply, path) => {
      void reply.header('content-security-policy', policy);
      void reply.header('x-content-type-options', 'nosniff');
      void reply.header('referrer-policy', 'no-referrer');
      void reply.header('cache-control', cacheControlOf(options.root, path));
    },
  });
}
