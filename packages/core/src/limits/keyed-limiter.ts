import pThrottle from 'p-throttle';
import { Semaphore } from './semaphore.js';

/** At most `limit` starts per `intervalMs`, and at most `concurrency` in flight, per key. */
export interface LimitPolicy {
  readonly limit: number;
  readonly intervalMs: number;
  readonly concurrency?: number;
}

/**
 * A rate and concurrency limiter keyed by a string (e.g. `ghl:location:abc`), shared by the
 * connectors and the steps of every run in one engine.
 */
export interface KeyedLimiter {
  schedule<T>(key: string, policy: LimitPolicy, task: () => Promise<T>): Promise<T>;
}

interface Lane {
  readonly policy: LimitPolicy;
  readonly throttled: <T>(task: () => Promise<T>) => Promise<T>;
  readonly semaphore: Semaphore | undefined;
}

function samePolicy(a: LimitPolicy, b: LimitPolicy): boolean {
  return a.limit === b.limit && a.intervalMs === b.intervalMs && a.concurrency === b.concurrency;
}

function checkPolicy(policy: LimitPolicy): void {
  if (!Number.isInteger(policy.limit) || policy.limit < 1) {
    throw new TypeError(`Expected \`limit\` to be a positive integer, got ${policy.limit}`);
  }
  if (!Number.isFinite(policy.intervalMs) || policy.intervalMs < 0) {
    throw new TypeError(`Expected \`intervalMs\` to be a non-negative number, got ${policy.intervalMs}`);
  }
}

function createLane(policy: LimitPolicy): Lane {
  checkPolicy(policy);
  // strict mode keeps every sliding window within the limit, not just fixed buckets.
  const throttle = pThrottle({ limit: policy.limit, interval: policy.intervalMs, strict: true });
  const run = throttle(<T>(task: () => Promise<T>) => task());
  return {
    policy,
    throttled: run as <T>(task: () => Promise<T>) => Promise<T>,
    semaphore: policy.concurrency === undefined ? undefined : new Semaphore(policy.concurrency),
  };
}

/** The in-process implementation, backed by p-throttle. */
export function createKeyedLimiter(): KeyedLimiter {
  const lanes = new Map<string, Lane>();
  return {
    schedule(key, policy, task) {
      let lane = lanes.get(key);
      if (!lane || !samePolicy(lane.policy, policy)) {
        lane = createLane(policy);
        lanes.set(key, lane);
      }
      const { throttled, semaphore } = lane;
      return semaphore ? semaphore.run(() => throttled(task)) : throttled(task);
    },
  };
}
