import { Semaphore } from './semaphore.js';
import { SlidingWindow } from './sliding-window.js';

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
  readonly window: SlidingWindow;
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
  return {
    policy,
    window: new SlidingWindow(policy.limit, policy.intervalMs),
    semaphore: policy.concurrency === undefined ? undefined : new Semaphore(policy.concurrency),
  };
}

/**
 * The in-process implementation. Each key has a sliding-window log (p-throttle 8's strict mode
 * was measured letting 11 starts into a 50 ms window limited to 10, so it is not used here)
 * and an optional semaphore.
 */
export function createKeyedLimiter(): KeyedLimiter {
  const lanes = new Map<string, Lane>();
  return {
    schedule(key, policy, task) {
      let lane = lanes.get(key);
      if (!lane || !samePolicy(lane.policy, policy)) {
        lane = createLane(policy);
        lanes.set(key, lane);
      }
      const { window, semaphore } = lane;
      const start = async () => {
        await window.acquire();
        return task();
      };
      return semaphore ? semaphore.run(start) : start();
    },
  };
}
