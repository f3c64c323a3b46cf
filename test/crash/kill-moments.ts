import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultSpec, Prng } from '../../packages/sandbox/src/index.js';
import type { SandboxAdmin } from '../support/sandbox-admin.js';

/**
 * When a kill lands:
 * - `random`: after a seeded delay, wherever the engine is (receiving, resuming, running);
 * - `lost-answer`: GHL commits a creating write and drops its answer (the sandbox's
 *   `dropResponse` fault); the kill follows while the engine holds a `pending` effect record;
 * - `write-in-flight`: a creating write is held by the sandbox (a `latency` fault) and the kill
 *   lands while it is in flight, so the write commits in GHL after the engine died;
 * - `after-write`: the kill lands as soon as a creating write has been answered 2xx, racing the
 *   engine's local commit of that answer.
 */
export const KILL_KINDS = ['random', 'lost-answer', 'write-in-flight', 'after-write'] as const;
export type KillKind = (typeof KILL_KINDS)[number];

/** POSTs that create something in GHL (what reconciliation exists for). */
export const CREATING_WRITES: readonly string[] = [
  '/contacts/upsert',
  '/contacts/*/tasks',
  '/contacts/*/notes',
  '/calendars/events/appointments',
];

export interface KillMoment {
  readonly kind: KillKind;
  /** The write the fault was armed on, for the faulted kinds. */
  readonly path?: string;
  /** False when the armed fault never fired (no matching write came) and the kill fell back to a plain one. */
  readonly faultFired?: boolean;
  /** Milliseconds from arming (or from the start of the wait) to the kill. */
  readonly afterMs: number;
}

async function waitUntilConsumed(admin: SandboxAdmin, faultId: string, timeoutMs: number, pollMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const faults = await admin.faults();
    if (!faults.some((fault) => fault.id === faultId)) return true;
    await sleep(pollMs);
  }
  return false;
}

/**
 * Waits for the moment a kill of `kind` should land and resolves then; the caller kills at once.
 * Faults are armed here; the caller clears what is left after the kill. Bounded: a fault that
 * does not fire within `faultTimeoutMs` (the engine had no such write to do) ends the wait.
 */
export async function awaitKillMoment(
  kind: KillKind,
  options: {
    readonly admin: SandboxAdmin;
    readonly prng: Prng;
    readonly faultTimeoutMs: number;
    /** The creating write a fault is armed on (default: a seeded pick from CREATING_WRITES). */
    readonly path?: string;
  },
): Promise<KillMoment> {
  const { admin, prng, faultTimeoutMs } = options;
  const started = Date.now();
  if (kind === 'random') {
    await sleep(prng.int(0, 1500));
    return { kind, afterMs: Date.now() - started };
  }
  // Everything random is drawn before the wait, so the seeded sequence does not depend on timing.
  const path = options.path ?? prng.pick(CREATING_WRITES);
  let spec: FaultSpec;
  let settle: number;
  if (kind === 'lost-answer') {
    spec = { kind: 'dropResponse', method: 'POST', path, count: 1 };
    settle = prng.int(0, 150);
  } else if (kind === 'write-in-flight') {
    spec = { kind: 'latency', method: 'POST', path, count: 1, latencyMs: 600 };
    settle = prng.int(0, 400);
  } else {
    // The sandbox holds the write a few ms, then commits and answers; the kill follows the answer by 1-8 ms.
    const latencyMs = prng.int(5, 20);
    spec = { kind: 'latency', method: 'POST', path, count: 1, latencyMs };
    settle = latencyMs + prng.int(1, 8);
  }
  const fault = await admin.addFault(spec);
  const fired = await waitUntilConsumed(admin, fault.id, faultTimeoutMs, kind === 'after-write' ? 2 : 10);
  if (fired && settle > 0) await sleep(settle);
  return { kind, path, faultFired: fired, afterMs: Date.now() - started };
}
