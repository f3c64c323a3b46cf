/** What `flowline demo` and `runDemo()` accept. */
export interface DemoOptions {
  /** Seed of the scripted day (same seed, same day). Default 7. */
  readonly seed?: number;
  /** How many customers visit the gym. Default 12 (1 to 200). */
  readonly customers?: number;
  /**
   * The GHL sandbox's rate-limit window in ms (100 requests per window, per location). Default
   * 10,000, GHL's own; tests shorten it.
   */
  readonly windowMs?: number;
  /** Make the sandbox answer one request with 429 and one with 503, to show retries. Default true. */
  readonly faults?: boolean;
  /** Where progress lines go. Default: nowhere. */
  readonly print?: (line: string) => void;
}

export interface ResolvedDemoOptions {
  readonly seed: number;
  readonly customers: number;
  readonly windowMs: number;
  readonly faults: boolean;
  readonly print: (line: string) => void;
}

function integer(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`Expected \`${name}\` to be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

/** Checks the options up front and fills in defaults. */
export function resolveDemoOptions(options: DemoOptions = {}): ResolvedDemoOptions {
  if (options.faults !== undefined && typeof options.faults !== 'boolean') throw new TypeError('Expected `faults` to be a boolean');
  if (options.print !== undefined && typeof options.print !== 'function') throw new TypeError('Expected `print` to be a function taking one line');
  return {
    seed: integer('seed', options.seed, 7, 0, 2 ** 31 - 1),
    customers: integer('customers', options.customers, 12, 1, 200),
    windowMs: integer('windowMs', options.windowMs, 10_000, 10, 600_000),
    faults: options.faults ?? true,
    print: options.print ?? (() => undefined),
  };
}
