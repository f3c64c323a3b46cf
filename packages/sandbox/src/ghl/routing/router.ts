import type { RouteDefinition } from './route.js';

interface CompiledRoute {
  readonly route: RouteDefinition;
  readonly segments: readonly string[];
  readonly literals: number;
}

export interface RouteMatch {
  readonly route: RouteDefinition;
  readonly params: Record<string, string>;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

const isParam = (segment: string): boolean => segment.startsWith('{') && segment.endsWith('}');

/**
 * Matches a request path against OpenAPI path templates. A trailing slash does not matter
 * (`/contacts/` and `/contacts` are the same operation) and literal segments win over
 * parameters (`/opportunities/search` before `/opportunities/{id}`).
 */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly RouteDefinition[]) {
    const seen = new Set<string>();
    for (const r of routes) {
      const key = `${r.method} ${splitPath(r.path).join('/')}`;
      if (seen.has(key)) throw new Error(`Two sandbox routes answer ${key}; each operation must be declared once`);
      seen.add(key);
    }
    this.compiled = routes
      .map((route) => {
        const segments = splitPath(route.path);
        return { route, segments, literals: segments.filter((s) => !isParam(s)).length };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  match(method: string, pathname: string): RouteMatch | undefined {
    const parts = splitPath(pathname);
    for (const c of this.compiled) {
      if (c.route.method !== method || c.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let matched = true;
      for (let i = 0; i < parts.length; i++) {
        const seg = c.segments[i] as string;
        const part = parts[i] as string;
        if (isParam(seg)) {
          let decoded: string;
          try {
            decoded = decodeURIComponent(part);
          } catch {
            matched = false;
            break;
          }
          params[seg.slice(1, -1)] = decoded;
        } else if (seg !== part) {
          matched = false;
          break;
        }
      }
      if (matched) return { route: c.route, params };
    }
    return undefined;
  }

  get routes(): readonly RouteDefinition[] {
    return this.compiled.map((c) => c.route);
  }
}
