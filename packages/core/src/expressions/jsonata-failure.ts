/** The shape JSONata throws (often not an Error instance). */
export interface JsonataFailure {
  readonly code?: string;
  readonly message?: string;
  readonly position?: number;
  readonly token?: string;
  readonly value?: unknown;
}

export function asJsonataFailure(thrown: unknown): JsonataFailure {
  if (typeof thrown === 'object' && thrown !== null) return thrown as JsonataFailure;
  return { message: String(thrown) };
}

/** JSONata codes that mean a bound was hit, not a mistake in the expression. */
export const LIMIT_CODES: ReadonlySet<string> = new Set(['D1011', 'D1012', 'D2014', 'D2015', 'U1001']);
