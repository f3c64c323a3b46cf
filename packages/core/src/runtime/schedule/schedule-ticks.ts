import { Cron } from 'croner';

/** A tick to run: the most recent one due, and how many earlier ticks it stands for (dropped). */
export interface DueTick {
  readonly at: number;
  readonly missed: number;
}

/** Counting missed ticks stops here (a per-second pattern down for days): `missed` is then at least this. */
const MAX_COUNTED = 100_000;

/** A cron pattern read in a time zone (croner), only asked for its ticks. */
export function cronIn(pattern: string, timeZone: string): Cron {
  return new Cron(pattern, { timezone: timeZone, paused: true });
}

/**
 * The tick to run at `now`, given the last tick run (`last`): the most recent tick after `last`
 * and at or before `now`, or undefined when none fell due. Ticks before it were missed (the host
 * was down): they are dropped, only counted. Ticks are croner's: a local time that a
 * spring-forward change skips falls an hour later by the clock (02:30 → 03:30), and one a
 * fall-back change repeats is a tick once (its first occurrence).
 */
export function dueTick(cron: Cron, last: number, now: number): DueTick | undefined {
  let tick = cron.nextRun(new Date(last));
  if (!tick || tick.getTime() > now) return undefined;
  let count = 1;
  for (;;) {
    const next = cron.nextRun(tick);
    if (!next || next.getTime() > now || count >= MAX_COUNTED) break;
    tick = next;
    count += 1;
  }
  return { at: tick.getTime(), missed: count - 1 };
}

/** The next tick after `after`, or undefined when the pattern has none. */
export function nextTick(cron: Cron, after: number): number | undefined {
  return cron.nextRun(new Date(after))?.getTime();
}
