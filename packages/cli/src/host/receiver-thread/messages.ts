import type { SubmitResult } from '@flowline/core';
import type { ServerLimits } from '../server-limits.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What the host's thread gives the receiver thread at its start (`workerData`). */
export interface ReceiverThreadData {
  /** The tenants received at the start, each with its signing secrets (the default tenant's included); changes follow as `tenant` messages. */
  readonly tenants: ReadonlyArray<readonly [string, readonly string[]]>;
  /** The default tenant's path; another tenant's is `<webhookPath>/<tenant>`. */
  readonly webhookPath: string;
  readonly port: number;
  readonly host: string;
  /** Whether the receiver's log lines are sent to the host's logger (not when it is silent: one message less per delivery). */
  readonly forwardLogs: boolean;
  readonly limits: ServerLimits;
  readonly maxAgeSeconds?: number;
}

/** What the receiver thread tells the host's thread; sent in batches, one array per turn of its event loop. */
export type ReceiverMessage =
  | { readonly kind: 'listening'; readonly port: number }
  | { readonly kind: 'listen-failed'; readonly message: string; readonly code?: string }
  /** An accepted delivery of `tenant` to commit; `event` is the IdentifiedEvent as JSON. */
  | { readonly kind: 'submit'; readonly ask: number; readonly tenant: string; readonly event: string }
  /** An authentic delivery of `tenant` of an event type no trigger handles, to park; `event` is the IdentifiedEvent as JSON. */
  | { readonly kind: 'park'; readonly ask: number; readonly tenant: string; readonly event: string }
  | { readonly kind: 'health'; readonly ask: number }
  | { readonly kind: 'log'; readonly level: LogLevel; readonly message: string; readonly fields?: Record<string, unknown> }
  /** The tenant changes up to `applied` are in effect. */
  | { readonly kind: 'tenants-applied'; readonly applied: number }
  | { readonly kind: 'closed' };

/** What the host's thread tells the receiver thread, batched the same way. */
export type HostMessage =
  | { readonly kind: 'submitted'; readonly ask: number; readonly result: SubmitResult }
  | { readonly kind: 'parked'; readonly ask: number; readonly added: boolean }
  | { readonly kind: 'failed'; readonly ask: number; readonly name: string; readonly message: string }
  | { readonly kind: 'health'; readonly ask: number; readonly body: string }
  /** A tenant added or whose secrets changed (`secrets`), or removed (no `secrets`): its webhooks are received from now on, or no longer. */
  | { readonly kind: 'tenant'; readonly change: number; readonly tenant: string; readonly secrets?: readonly string[] }
  | { readonly kind: 'close' };
