import type { SubmitResult } from '@flowline/core';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What the host's thread gives the receiver thread at its start (`workerData`). */
export interface ReceiverThreadData {
  readonly secrets: readonly string[];
  readonly webhookPath: string;
  readonly port: number;
  readonly host: string;
  /** Whether the receiver's log lines are sent to the host's logger (not when it is silent: one message less per delivery). */
  readonly forwardLogs: boolean;
}

/** What the receiver thread tells the host's thread; sent in batches, one array per turn of its event loop. */
export type ReceiverMessage =
  | { readonly kind: 'listening'; readonly port: number }
  | { readonly kind: 'listen-failed'; readonly message: string; readonly code?: string }
  /** An accepted delivery to commit; `event` is the IdentifiedEvent as JSON. */
  | { readonly kind: 'submit'; readonly ask: number; readonly event: string }
  | { readonly kind: 'health'; readonly ask: number }
  | { readonly kind: 'log'; readonly level: LogLevel; readonly message: string; readonly fields?: Record<string, unknown> }
  | { readonly kind: 'closed' };

/** What the host's thread tells the receiver thread, batched the same way. */
export type HostMessage =
  | { readonly kind: 'submitted'; readonly ask: number; readonly result: SubmitResult }
  | { readonly kind: 'failed'; readonly ask: number; readonly name: string; readonly message: string }
  | { readonly kind: 'health'; readonly ask: number; readonly body: string }
  | { readonly kind: 'close' };
