import { isJsonObject, type JsonValue } from '../../shared/json.js';
import { SandboxOptionsError } from '../../shared/errors.js';

/**
 * Faults a test can inject:
 * - `latency`: wait `latencyMs` before answering (the request is then served normally);
 * - `error`: answer `status` (default 503) without touching state;
 * - `rateLimit`: answer 429 with `Retry-After: retryAfterSeconds` (a "429 storm" when count > 1);
 * - `dropResponse`: apply the request (the write commits), then destroy the socket without an answer.
 */
export const FAULT_KINDS = ['latency', 'error', 'rateLimit', 'dropResponse'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  readonly kind: FaultKind;
  /** HTTP method to match; any method when left out. */
  readonly method?: string;
  /**
   * Path pattern: exact (`/contacts/upsert`), with `*` or `{name}` for one segment
   * (`/contacts/*\/tasks`), or `**` for any rest. Any path when left out.
   */
  readonly path?: string;
  /** How many matching requests the fault applies to (default 1); `'always'` until removed. */
  readonly count?: number | 'always';
  readonly latencyMs?: number;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
}

export interface Fault {
  readonly id: string;
  readonly spec: FaultSpec;
  /** Matching requests left; `null` for `'always'`. */
  remaining: number | null;
  /** Requests it has applied to so far. */
  hits: number;
}

function compilePattern(pattern: string): RegExp {
  const trimmed = pattern.replace(/\/+$/, '');
  const source = trimmed
    .split('/')
    .map((seg) => {
      if (seg === '**') return '.*';
      if (seg === '*' || /^\{[^}]+\}$/.test(seg)) return '[^/]+';
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/** Checks a fault spec up front, whether it came from code or from the admin API. */
export function parseFaultSpec(input: JsonValue | FaultSpec | undefined): FaultSpec {
  if (!isJsonObject(input)) throw new SandboxOptionsError('Expected a fault to be an object like { kind: "error", path: "/contacts/upsert", count: 2 }');
  const kind = input['kind'];
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw new SandboxOptionsError(`Expected fault \`kind\` to be one of ${FAULT_KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
  }
  const count = input['count'];
  if (count !== undefined && count !== 'always' && !(typeof count === 'number' && Number.isInteger(count) && count > 0)) {
    throw new SandboxOptionsError(`Expected fault \`count\` to be a positive integer or "always", got ${JSON.stringify(count)}`);
  }
  const num = (key: string, min: number, max: number): number | undefined => {
    const v = input[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      throw new SandboxOptionsError(`Expected fault \`${key}\` to be a number from ${min} to ${max}, got ${JSON.stringify(v)}`);
    }
    return v;
  };
  const str = (key: string): string | undefined => {
    const v = input[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v === '') throw new SandboxOptionsError(`Expected fault \`${key}\` to be a non-empty string`);
    return v;
  };
  const latencyMs = num('latencyMs', 0, 600_000);
  if (kind === 'latency' && latencyMs === undefined) throw new SandboxOptionsError('A latency fault needs `latencyMs`');
  const path = str('path');
  if (path !== undefined && !path.startsWith('/')) throw new SandboxOptionsError(`Expected fault \`path\` to start with "/", got ${JSON.stringify(path)}`);
  const method = str('method')?.toUpperCase();
  const status = num('status', 500, 599);
  const retryAfterSeconds = num('retryAfterSeconds', 0, 86_400);
  return {
    kind: kind as FaultKind,
    ...(method === undefined ? {} : { method }),
    ...(path === undefined ? {} : { path }),
    ...(count === undefined ? {} : { count: count as number | 'always' }),
    ...(latencyMs === undefined ? {} : { latencyMs }),
    ...(status === undefined ? {} : { status }),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
}

/** The faults waiting to fire, matched by method and path pattern, each for a number of requests. */
export class FaultRegistry {
  private readonly faults: { fault: Fault; pattern: RegExp | undefined }[] = [];
  private nextId = 1;
  private triggered = 0;

  add(spec: FaultSpec): Fault {
    const checked = parseFaultSpec(spec);
    const fault: Fault = {
      id: `fault_${this.nextId++}`,
      spec: checked,
      remaining: checked.count === 'always' ? null : (checked.count ?? 1),
      hits: 0,
    };
    this.faults.push({ fault, pattern: checked.path === undefined ? undefined : compilePattern(checked.path) });
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f.fault }));
  }

  remove(id: string): boolean {
    const i = this.faults.findIndex((f) => f.fault.id === id);
    if (i < 0) return false;
    this.faults.splice(i, 1);
    return true;
  }

  clear(): void {
    this.faults.length = 0;
    this.triggered = 0;
  }

  /** How many times any fault has fired since the last clear. */
  get triggeredCount(): number {
    return this.triggered;
  }

  /** The faults that apply to this request; each one found uses up one of its count. */
  take(method: string, path: string): Fault[] {
    const hits: Fault[] = [];
    for (const entry of [...this.faults]) {
      const { fault, pattern } = entry;
      if (fault.spec.method !== undefined && fault.spec.method !== method) continue;
      if (pattern !== undefined && !pattern.test(path)) continue;
      fault.hits++;
      this.triggered++;
      if (fault.remaining !== null) {
        fault.remaining--;
        if (fault.remaining <= 0) this.faults.splice(this.faults.indexOf(entry), 1);
      }
      hits.push({ ...fault });
    }
    return hits;
  }
}
