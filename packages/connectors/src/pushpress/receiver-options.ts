import type { EventSink, IdentifiedEvent, Logger, OperationDescriptor } from '@flowline/core';

/** Where authentic deliveries of an event type no trigger handles are kept (see `parking`). */
export interface DeliveryParking {
  /** Keeps the delivery; resolves once it is committed. `added: false`: it was parked before. */
  park(event: IdentifiedEvent): Promise<{ readonly added: boolean }>;
}

export interface PushPressReceiverOptions {
  /** Signing secrets accepted right now (two while rotating: the new one and the old one). */
  readonly secrets: readonly string[];
  /** Where accepted deliveries go; the answer waits for `submit` to resolve. */
  readonly sink: EventSink;
  /**
   * Trigger descriptors (`pushpress.<event>`, kind `trigger`), whose `input` schema each body is
   * checked against. Action descriptors in the list are ignored, so `connector.operations` works.
   */
  readonly operations: readonly OperationDescriptor[];
  /**
   * Where an authentic, fresh delivery of an event type no trigger handles (PushPress added one)
   * is kept to be replayed later, answered 202 `{status:'parked', id}`. Without it, such a
   * delivery is refused with 400 `unknown_event` (and PushPress gives up on it in the end).
   */
  readonly parking?: DeliveryParking;
  /** Largest body accepted, in bytes. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /**
   * How long the body may take to arrive once the headers are in, in ms (a trickled body, or one
   * shorter than its `Content-Length`, is answered 408 and cut). Default 15 s; 0 waits for ever.
   */
  readonly bodyTimeoutMs?: number;
  /** Oldest `created` accepted, in seconds before now. Default 7 days. */
  readonly maxAgeSeconds?: number;
  /** How far `created` may lie ahead of the clock (clock skew), in seconds. Default 300. */
  readonly maxFutureSeconds?: number;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  readonly now?: () => number;
  readonly logger?: Logger;
}

export interface ResolvedReceiverOptions {
  readonly secrets: readonly string[];
  readonly sink: EventSink;
  readonly triggers: ReadonlyMap<string, OperationDescriptor>;
  readonly parking: DeliveryParking | undefined;
  readonly maxBodyBytes: number;
  readonly bodyTimeoutMs: number;
  readonly maxAgeSeconds: number;
  readonly maxFutureSeconds: number;
  readonly now: () => number;
  readonly logger: Logger | undefined;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** A PushPress body is a few KB: even a slow link sends it in well under a second. */
export const DEFAULT_BODY_TIMEOUT_MS = 15_000;
/** Longer than any retry schedule plus a long weekend of downtime; see README.md next to this file. */
export const DEFAULT_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
export const DEFAULT_MAX_FUTURE_SECONDS = 5 * 60;

const TRIGGER_PREFIX = 'pushpress.';

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`createPushPressReceiver: expected \`${name}\` to be a non-negative integer, got ${String(value)}.`);
  }
  return value;
}

/** Checks the options up front and fills in defaults; throws a TypeError that says what was expected. */
export function resolveReceiverOptions(options: PushPressReceiverOptions): ResolvedReceiverOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createPushPressReceiver: expected an options object `{ secrets, sink, operations }`.');
  }
  const { secrets, sink, operations } = options;
  if (!Array.isArray(secrets) || secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s.length === 0)) {
    // Never echo the secrets themselves.
    throw new TypeError('createPushPressReceiver: expected `secrets` to be a non-empty array of non-empty strings.');
  }
  if (typeof sink !== 'object' || sink === null || typeof sink.submit !== 'function') {
    throw new TypeError('createPushPressReceiver: expected `sink` to be an EventSink with a `submit(event)` method.');
  }
  if (!Array.isArray(operations)) {
    throw new TypeError('createPushPressReceiver: expected `operations` to be an array of OperationDescriptors.');
  }
  const triggers = new Map<string, OperationDescriptor>();
  for (const [index, operation] of operations.entries()) {
    if (operation.kind !== 'trigger') continue;
    if (!operation.id.startsWith(TRIGGER_PREFIX) || operation.id.length === TRIGGER_PREFIX.length) {
      throw new TypeError(
        `createPushPressReceiver: expected operations[${index}].id to look like "pushpress.<event>", got "${operation.id}".`,
      );
    }
    if (typeof operation.input !== 'object' || operation.input === null) {
      throw new TypeError(`createPushPressReceiver: expected operations[${index}] ("${operation.id}") to have an \`input\` schema.`);
    }
    triggers.set(operation.id.slice(TRIGGER_PREFIX.length), operation);
  }
  if (triggers.size === 0) {
    throw new TypeError('createPushPressReceiver: expected `operations` to hold at least one pushpress trigger descriptor.');
  }
  if (options.parking !== undefined && (typeof options.parking !== 'object' || options.parking === null || typeof options.parking.park !== 'function')) {
    throw new TypeError('createPushPressReceiver: expected `parking` to have a `park(event)` method.');
  }
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new TypeError('createPushPressReceiver: expected `now` to be a function returning milliseconds since the epoch.');
  }
  const maxBodyBytes = positiveInteger('maxBodyBytes', options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES);
  if (maxBodyBytes === 0) throw new TypeError('createPushPressReceiver: expected `maxBodyBytes` to be at least 1.');
  return {
    secrets: [...secrets],
    sink,
    triggers,
    parking: options.parking,
    maxBodyBytes,
    bodyTimeoutMs: positiveInteger('bodyTimeoutMs', options.bodyTimeoutMs, DEFAULT_BODY_TIMEOUT_MS),
    maxAgeSeconds: positiveInteger('maxAgeSeconds', options.maxAgeSeconds, DEFAULT_MAX_AGE_SECONDS),
    maxFutureSeconds: positiveInteger('maxFutureSeconds', options.maxFutureSeconds, DEFAULT_MAX_FUTURE_SECONDS),
    now: options.now ?? Date.now,
    logger: options.logger,
  };
}
