import { SandboxOptionsError } from '../../shared/errors.js';
import { createPrng, type Prng } from '../../shared/prng.js';
import type { ScenarioCustomer, ScenarioScript, ScenarioStep } from '../scenario-script.js';

export interface DayAtTheGymOptions {
  /** Same seed, same day. */
  readonly seed: number;
  /** How many customers show up (default 8, at most 200). */
  readonly customers?: number;
  /** Unix seconds of the day's midnight (UTC). Default 2025-11-27. */
  readonly dayStart?: number;
  readonly companyId?: string;
}

const FIRST = ['Ava', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lia', 'Milo', 'Nia', 'Omar', 'Pia', 'Quinn', 'Rae', 'Sol', 'Tess'];
const LAST = ['Adams', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fox', 'Garcia', 'Hill', 'Ito', 'Jones', 'Khan', 'Lopez', 'Moore', 'Nguyen', 'Ortiz', 'Patel'];
const CLASSES = [
  { id: 'cls_0600_wod', name: 'WOD', hour: 6 },
  { id: 'cls_0700_wod', name: 'WOD', hour: 7 },
  { id: 'cls_1200_mobility', name: 'Mobility', hour: 12 },
  { id: 'cls_1730_wod', name: 'WOD', hour: 17.5 },
  { id: 'cls_1830_yoga', name: 'Yoga', hour: 18.5 },
];
const STAFF = ['usr_coach_1', 'usr_coach_2'];
const HOUR = 3600;

type Story = 'walk-in-lead' | 'trial-booking' | 'member-class' | 'member-pt-noshow' | 'member-waitlist' | 'member-cancels' | 'lead-converts';
const STORIES: readonly Story[] = ['walk-in-lead', 'trial-booking', 'member-class', 'member-class', 'member-pt-noshow', 'member-waitlist', 'member-cancels', 'lead-converts'];

function minuteIn(prng: Prng, fromHour: number, toHour: number): number {
  return Math.round((fromHour + prng.next() * (toHour - fromHour)) * 60) * 60;
}

function storySteps(story: Story, key: string, prng: Prng): ScenarioStep[] {
  const cls = prng.pick(CLASSES);
  const staff = prng.pick(STAFF);
  const t = minuteIn(prng, 6, 20);
  switch (story) {
    case 'walk-in-lead':
      return [
        { at: t, event: 'customer.created', customer: key },
        { at: t + 15 * 60, event: 'customer.details.changed', customer: key, changes: { phone: `+1512555${String(prng.int(1000, 9999))}` } },
      ];
    case 'trial-booking':
      return [
        { at: t, event: 'customer.created', customer: key },
        { at: t + 5 * 60, event: 'appointment.scheduled', customer: key, appointment: `${key}_intro`, typeName: 'Intro session', staffId: staff, startsIn: 2 * 86_400 },
      ];
    case 'lead-converts':
      return [
        { at: t, event: 'customer.created', customer: key },
        { at: t + HOUR, event: 'customer.status.changed', customer: key, role: 'member' },
        { at: t + HOUR + 5, event: 'enrollment.created', customer: key, enrollment: `${key}_plan`, planId: 'plan_unlimited_monthly' },
      ];
    case 'member-class':
      return [{ at: Math.round(cls.hour * HOUR) + prng.int(0, 10) * 60, event: 'checkin.created', customer: key, classId: cls.id, className: cls.name }];
    case 'member-pt-noshow': {
      const at = minuteIn(prng, 6, 12);
      return [
        { at, event: 'appointment.scheduled', customer: key, appointment: `${key}_pt`, typeName: 'Personal Training', staffId: staff, startsIn: 3 * HOUR },
        { at: at + 3 * HOUR + 20 * 60, event: 'appointment.noshowed', customer: key, appointment: `${key}_pt` },
      ];
    }
    case 'member-waitlist':
      return [{ at: t, event: 'reservation.waitlisted', customer: key, reservation: `${key}_wl`, classId: cls.id }];
    case 'member-cancels':
      return [
        { at: t, event: 'enrollment.status.changed', customer: key, enrollment: `${key}_plan`, status: 'canceled' },
        { at: t + 5, event: 'customer.status.changed', customer: key, role: 'ex-member' },
      ];
  }
}

/**
 * A deterministic day at a gym: `customers` people, each living one small story (a walk-in
 * lead, a trial booking, a class check-in, a no-show, a waitlist, a cancellation, a lead who
 * converts), interleaved by time of day. Existing members' enrollments are set up with an
 * `enrollment.created` before opening (06:00) where their story needs one.
 */
export function dayAtTheGym(options: DayAtTheGymOptions): ScenarioScript {
  const count = options.customers ?? 8;
  if (!Number.isInteger(count) || count < 1 || count > 200) {
    throw new SandboxOptionsError(`Expected \`customers\` to be an integer from 1 to 200, got ${String(count)}`);
  }
  const prng = createPrng(options.seed);
  const customers: Record<string, ScenarioCustomer> = {};
  const steps: ScenarioStep[] = [];
  for (let i = 0; i < count; i++) {
    const first = prng.pick(FIRST);
    const last = prng.pick(LAST);
    const key = `${first.toLowerCase()}_${last.toLowerCase()}_${i}`;
    const story = prng.pick(STORIES);
    const member = story.startsWith('member-');
    customers[key] = {
      first,
      last,
      email: `${first}.${last}.${i}@example.com`.toLowerCase(),
      phone: prng.next() < 0.8 ? `+1512555${String(prng.int(1000, 9999))}` : null,
      role: member ? 'member' : 'lead',
      ...(member ? { existing: true, memberSince: '2025-01-15' } : {}),
    };
    if (story === 'member-cancels') {
      steps.push({ at: 5 * HOUR + i, event: 'enrollment.created', customer: key, enrollment: `${key}_plan`, planId: 'plan_unlimited_monthly' });
    }
    steps.push(...storySteps(story, key, prng));
  }
  // Interleave the stories by time; ties keep generation order (Array.prototype.sort is stable).
  steps.sort((a, b) => a.at - b.at);
  return {
    name: `day-at-the-gym-${options.seed}`,
    description: `A day at a gym with ${count} customers (seed ${options.seed}).`,
    companyId: options.companyId ?? 'client_sandbox',
    startAt: options.dayStart ?? 1_764_201_600,
    customers,
    steps,
  };
}
