import { SandboxOptionsError } from '../shared/errors.js';
import type { Delivery } from './delivery.js';
import {
  appointmentData,
  classCheckinData,
  customerData,
  enrollmentData,
  waitlistData,
  type AppointmentProfile,
  type CustomerProfile,
  type EnrollmentProfile,
} from './payloads.js';
import type { ScenarioScript, ScenarioStep } from './scenario-script.js';

export interface CreateScenarioOptions {
  /** Overrides the script's `startAt` (unix seconds), e.g. "now" so a receiver's freshness check passes. */
  readonly startAt?: number;
  /** Appended to every generated id, so a script can be replayed as new objects (receivers dedupe by id). */
  readonly idSuffix?: string;
}

interface World {
  readonly customers: Map<string, CustomerProfile>;
  readonly enrollments: Map<string, EnrollmentProfile>;
  readonly appointments: Map<string, AppointmentProfile>;
  readonly enrollmentOf: Map<string, string>;
  checkins: number;
}

function fail(index: number, member: string, message: string): never {
  throw new SandboxOptionsError(`Scenario step /steps/${index}/${member}: ${message}`);
}

/**
 * Turns a scenario script into the PushPress deliveries it describes, in step order.
 * Each delivery's `data` validates against reference/pushpress/webhooks/<event>.json.
 * Scripts are checked as they are read: a step about a customer that does not exist yet, or
 * an appointment that was never scheduled, is an error naming the step.
 */
export function createScenario(script: ScenarioScript, options: CreateScenarioOptions = {}): Delivery[] {
  const suffix = options.idSuffix ?? '';
  const startAt = options.startAt ?? script.startAt;
  if (!Number.isInteger(startAt) || startAt < 0) throw new SandboxOptionsError(`Expected \`startAt\` to be unix seconds, got ${String(startAt)}`);
  const world: World = { customers: new Map(), enrollments: new Map(), appointments: new Map(), enrollmentOf: new Map(), checkins: 0 };
  for (const [key, c] of Object.entries(script.customers)) {
    if (c.existing === true) world.customers.set(key, customerProfile(key, c, suffix));
  }
  const out: Delivery[] = [];
  script.steps.forEach((step, index) => {
    if (!Number.isFinite(step.at) || step.at < 0) fail(index, 'at', `expected seconds >= 0, got ${String(step.at)}`);
    const created = startAt + Math.floor(step.at);
    const data = stepData(script, world, step, index, created, suffix);
    out.push({ event: step.event, created, data });
  });
  return out;
}

/** A scenario customer as a PushPress profile; ids are `usr_<key>` + suffix unless set. */
export function customerProfile(key: string, c: ScenarioScript['customers'][string], suffix: string): CustomerProfile {
  return {
    id: `${c.id ?? `usr_${key}`}${suffix}`,
    first: c.first,
    last: c.last,
    email: c.email,
    phone: c.phone ?? null,
    role: c.role ?? 'lead',
    ...(c.city === undefined ? {} : { city: c.city }),
    ...(c.state === undefined ? {} : { state: c.state }),
    ...(c.zip === undefined ? {} : { zip: c.zip }),
    memberSince: c.memberSince ?? null,
  };
}

function stepData(script: ScenarioScript, world: World, step: ScenarioStep, index: number, created: number, suffix: string): Delivery['data'] {
  const company = script.companyId;
  const seed = script.customers[step.customer];
  if (seed === undefined) fail(index, 'customer', `no customer "${step.customer}" in \`customers\` (known: ${Object.keys(script.customers).join(', ')})`);
  if (step.event === 'customer.created') {
    if (world.customers.has(step.customer)) fail(index, 'customer', `customer "${step.customer}" was already created`);
    const c = customerProfile(step.customer, seed, suffix);
    world.customers.set(step.customer, c);
    return customerData(company, c);
  }
  const customer = world.customers.get(step.customer);
  if (customer === undefined) fail(index, 'customer', `customer "${step.customer}" has no customer.created step before this one (or mark it \`existing\`)`);
  switch (step.event) {
    case 'customer.details.changed': {
      const next: CustomerProfile = { ...customer, ...step.changes, phone: step.changes.phone === undefined ? customer.phone : step.changes.phone };
      world.customers.set(step.customer, next);
      return customerData(company, next);
    }
    case 'customer.status.changed': {
      const becameMember = step.role === 'member' && (customer.memberSince === undefined || customer.memberSince === null);
      const next: CustomerProfile = {
        ...customer,
        role: step.role,
        ...(becameMember ? { memberSince: new Date(created * 1000).toISOString().slice(0, 10) } : {}),
      };
      world.customers.set(step.customer, next);
      return customerData(company, next);
    }
    case 'enrollment.created': {
      if (world.enrollments.has(step.enrollment)) fail(index, 'enrollment', `enrollment "${step.enrollment}" already exists`);
      const e: EnrollmentProfile = {
        id: `enr_${step.enrollment}${suffix}`,
        customerId: customer.id,
        planId: step.planId,
        status: step.status ?? 'active',
        startedAt: created,
        checkinLimit: 0,
      };
      world.enrollments.set(step.enrollment, e);
      world.enrollmentOf.set(step.customer, e.id);
      return enrollmentData(company, e);
    }
    case 'enrollment.status.changed': {
      const e = world.enrollments.get(step.enrollment);
      if (e === undefined) fail(index, 'enrollment', `enrollment "${step.enrollment}" was never created`);
      const next: EnrollmentProfile = { ...e, status: step.status, ...(step.status === 'canceled' ? { endedAt: created } : {}) };
      world.enrollments.set(step.enrollment, next);
      return enrollmentData(company, next);
    }
    case 'appointment.scheduled': {
      if (world.appointments.has(step.appointment)) fail(index, 'appointment', `appointment "${step.appointment}" was already scheduled`);
      const a: AppointmentProfile = {
        id: `appt_${step.appointment}${suffix}`,
        customerId: customer.id,
        typeName: step.typeName,
        staffId: step.staffId,
        startsAt: created + step.startsIn,
      };
      world.appointments.set(step.appointment, a);
      return appointmentData(company, a);
    }
    case 'appointment.rescheduled': {
      const a = world.appointments.get(step.appointment);
      if (a === undefined) fail(index, 'appointment', `appointment "${step.appointment}" was never scheduled`);
      const next = { ...a, startsAt: created + step.startsIn };
      world.appointments.set(step.appointment, next);
      return appointmentData(company, next);
    }
    case 'appointment.canceled': {
      const a = world.appointments.get(step.appointment);
      if (a === undefined) fail(index, 'appointment', `appointment "${step.appointment}" was never scheduled`);
      return appointmentData(company, { ...a, isLateCancel: step.isLateCancel ?? false });
    }
    case 'appointment.noshowed': {
      const a = world.appointments.get(step.appointment);
      if (a === undefined) fail(index, 'appointment', `appointment "${step.appointment}" was never scheduled`);
      return appointmentData(company, a);
    }
    case 'checkin.created': {
      world.checkins++;
      return classCheckinData(company, {
        id: `chk_${world.checkins}_${step.customer}${suffix}`,
        customerId: customer.id,
        classId: step.classId,
        className: step.className,
        classTypeId: step.classTypeId ?? `clt_${step.className.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`,
        at: created,
        enrollmentId: world.enrollmentOf.get(step.customer) ?? null,
      });
    }
    case 'reservation.waitlisted':
      return waitlistData(company, { id: `rsv_${step.reservation}${suffix}`, customerId: customer.id, classId: step.classId, at: created });
  }
}
