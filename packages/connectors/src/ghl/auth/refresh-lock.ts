/**
 * One lock per connection id for the whole process: two connectors (or two token stores) in one
 * process never refresh the same connection at the same time. Waiters run in arrival order.
 */
const tails = new Map<string, Promise<void>>();

export async function withProcessRefreshLock<T>(connectionId: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(connectionId) ?? Promise.resolve();
  let release!: () => void;
  const current = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => current);
  tails.set(connectionId, tail);
  await previous;
  try {
    return await task();
  } finally {
    release();
    if (tails.get(connectionId) === tail) tails.delete(connectionId);
  }
}
