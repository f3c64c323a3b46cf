/**
 * Collects messages for another thread and posts them as one array when the turn of the event
 * loop ends: the other thread is woken once per turn, not once per message.
 */
export function createTurnBatch<T>(post: (batch: readonly T[]) => void): (message: T) => void {
  let batch: T[] = [];
  return (message) => {
    if (batch.length === 0) {
      setImmediate(() => {
        const full = batch;
        batch = [];
        post(full);
      });
    }
    batch.push(message);
  };
}
