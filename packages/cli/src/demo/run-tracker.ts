import type { Engine, Logger } from '@flowline/core';
import { silentLogger } from '@flowline/core';

export interface RunOutcome {
  readonly runId: string;
  readonly workflowId: string;
  readonly status: 'succeeded' | 'failed';
  readonly failedStep?: string;
  readonly error?: string;
}

/**
 * Follows an engine's events: which runs each delivery started and how they ended, step
 * retries, the GHL client's rate-limit waits (it logs a warning for each 429 it waits out) and
 * the 5xx answers it saw (logged at debug level with their status).
 */
export class RunTracker {
  readonly #eventOf = new Map<string, string>();
  readonly #workflowOf = new Map<string, string>();
  readonly #outcomes = new Map<string, RunOutcome[]>();
  #retries = 0;
  #rateLimitWaits = 0;
  #serverErrorResends = 0;
  readonly logger: Logger;

  constructor(base: Logger = silentLogger) {
    this.logger = {
      debug: (message, fields) => {
        const status = fields?.['status'];
        if (message === 'ghl request' && typeof status === 'number' && status >= 500) this.#serverErrorResends += 1;
        base.debug(message, fields);
      },
      info: (message, fields) => base.info(message, fields),
      error: (message, fields) => base.error(message, fields),
      warn: (message, fields) => {
        if (message === 'ghl rate limited') this.#rateLimitWaits += 1;
        base.warn(message, fields);
      },
    };
  }

  attach(engine: Engine): void {
    engine.on('run.queued', (event) => {
      this.#workflowOf.set(event.runId, event.workflowId);
      if (event.eventId !== undefined) this.#eventOf.set(event.runId, event.eventId);
    });
    engine.on('run.succeeded', (event) => this.#finish({ runId: event.runId, workflowId: event.workflowId, status: 'succeeded' }));
    engine.on('run.failed', (event) =>
      this.#finish({
        runId: event.runId,
        workflowId: event.workflowId,
        status: 'failed',
        ...(event.failedStep === undefined ? {} : { failedStep: event.failedStep }),
        error: event.error.message,
      }),
    );
    engine.on('step.retrying', () => {
      this.#retries += 1;
    });
  }

  #finish(outcome: RunOutcome): void {
    const key = this.#eventOf.get(outcome.runId) ?? `run:${outcome.runId}`;
    const list = this.#outcomes.get(key) ?? [];
    list.push(outcome);
    this.#outcomes.set(key, list);
  }

  /** The finished runs a delivery (by its event id) started. */
  runsOf(eventId: string): readonly RunOutcome[] {
    return this.#outcomes.get(eventId) ?? [];
  }

  all(): RunOutcome[] {
    return [...this.#outcomes.values()].flat();
  }

  get retries(): number {
    return this.#retries;
  }

  /** GHL answers of 5xx the client saw (it resends, or looks for the effect, before giving up). */
  get serverErrors(): number {
    return this.#serverErrorResends;
  }

  get rateLimitWaits(): number {
    return this.#rateLimitWaits;
  }
}
