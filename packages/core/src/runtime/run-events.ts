import { EventEmitter } from 'eventemitter3';
import type { ErrorRecord } from '../store/records.js';

interface RunEventBase {
  /** The tenant whose run it is. */
  readonly tenant: string;
  readonly runId: string;
  readonly workflowId: string;
  readonly dryRun: boolean;
  /** ISO-8601 time of the event. */
  readonly at: string;
}

interface StepEventBase extends RunEventBase {
  readonly stepId: string;
  /** The step's path, with `[index]` inside forEach bodies. */
  readonly path: string;
  readonly kind: string;
}

/** Every event an engine emits, by name. None ever carries a secret. */
export interface RunEvents {
  'run.queued': RunEventBase & { readonly trigger: string; readonly eventId?: string };
  'run.started': RunEventBase;
  'run.succeeded': RunEventBase & { readonly durationMs: number; readonly output?: unknown };
  'run.failed': RunEventBase & { readonly durationMs: number; readonly error: ErrorRecord; readonly failedStep?: string };
  'run.cancelled': RunEventBase & { readonly durationMs: number };
  /** The run sleeps in a delay step until `until` (ISO time); it is `waiting`, resumed from its snapshot then. */
  'run.waiting': RunEventBase & { readonly until: string; readonly stepId: string };
  'step.started': StepEventBase;
  'step.retrying': StepEventBase & { readonly attempt: number; readonly delayMs: number; readonly error: ErrorRecord };
  'step.succeeded': StepEventBase & { readonly durationMs: number; readonly attempts: number; readonly output?: unknown };
  'step.failed': StepEventBase & { readonly durationMs: number; readonly attempts: number; readonly error: ErrorRecord };
  'step.skipped': StepEventBase & { readonly reason: string };
}

export type RunEventName = keyof RunEvents;

export type RunEventEmitter = EventEmitter<{ [Name in RunEventName]: [RunEvents[Name]] }>;

export function createRunEventEmitter(): RunEventEmitter {
  return new EventEmitter();
}

/**
 * Emits `name`, with the tenant of `services`, if anyone listens. `build` makes the event only
 * then, so an engine nobody watches spends nothing on event objects.
 */
export function emitIfHeard<Name extends RunEventName>(
  services: { readonly events: RunEventEmitter; readonly tenant: string },
  name: Name,
  build: () => Omit<RunEvents[Name], 'tenant'>,
): void {
  const { events } = services;
  if (events.listenerCount(name) > 0) (events.emit as (name: Name, event: RunEvents[Name]) => boolean)(name, { tenant: services.tenant, ...build() } as RunEvents[Name]);
}
