/**
 * The crash test's resume-order case (issue 13): after a restart, a run an earlier process left
 * (here an operator's `flowline runs retry`, killed while GHL held its write) goes through its
 * customer's lane, before that customer's newer pending delivery, not after it. Before, the
 * no-show ran first and the older appointment was then written over it (a second appointment,
 * `confirmed`). Also: the retried run, once it succeeds, is off the dead-letter list.
 *
 * Environment: FLOWLINE_CRASH_SEED (as in crash.test.ts); FLOWLINE_CRASH_KEEP=1 keeps serve.log.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { comparableState } from './comparable-state.js';
import { runWorkload, type RunResult } from './crash-run.js';
import { appointmentsOf, appointmentWorkload, runResumeOrder, type ResumeOrderResult } from './resume-order-run.js';

const SEED = Number(process.env['FLOWLINE_CRASH_SEED'] ?? 20251127);
const log = (line: string): void => {
  process.stdout.write(`[resume-order seed ${SEED}] ${line}\n`);
};

describe('resume order: a killed retry of an older delivery and a newer pending delivery of the same customer', () => {
  let resumed: ResumeOrderResult;
  let calm: RunResult;

  beforeAll(async () => {
    const workload = appointmentWorkload();
    resumed = await runResumeOrder({ workload, seed: SEED, log });
    calm = await runWorkload({ workload, kills: 0, seed: SEED, log: (line) => log(`calm run: ${line}`) });
    log(`resumed in ${resumed.seconds.toFixed(1)} s, calm run ${calm.seconds.toFixed(1)} s`);
  }, 300_000);

  it('leaves the restart a leftover run (inbox entry done) and a pending delivery, as the case needs', () => {
    expect(resumed.leftBehind).toEqual({ retriedRun: 'running', noShow: 'pending' });
  });

  it("finishes the older run first, so the customer's one appointment ends as the newer delivery says: a no-show", () => {
    const appointments = appointmentsOf(resumed.location);
    expect(appointments).toHaveLength(1);
    expect(appointments[0], `${resumed.exit}\n${resumed.output}`).toMatchObject({ appointmentStatus: 'noshow' });
    expect(comparableState(resumed.location)).toEqual(comparableState(calm.location));
  });

  it('brings both deliveries to an end, and takes the retried run off the dead-letter list once it succeeds', () => {
    expect(resumed.outcomes.problems, `${resumed.exit}\n${resumed.output}`).toEqual([]);
    expect(resumed.outcomes.done).toBe(2);
    expect(resumed.retriedRun?.status).toBe('succeeded');
    expect(resumed.deadLetters).toEqual([]);
    expect(resumed.stoppedGracefully).toBe(true);
  });
});
