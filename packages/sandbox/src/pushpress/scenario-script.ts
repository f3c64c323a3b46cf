import type { CustomerRole, EnrollmentStatus } from './payloads.js';

/** A customer a scenario talks about. `existing` customers need no customer.created step. */
export interface ScenarioCustomer {
  readonly first: string;
  readonly last: string;
  readonly email: string;
  readonly phone?: string | null;
  /** Role at the start (default `lead`). */
  readonly role?: CustomerRole;
  readonly city?: string;
  readonly state?: string;
  readonly zip?: string;
  /** Already known to PushPress before the scenario starts (e.g. an established member). */
  readonly existing?: boolean;
  /** ISO date the customer first became a member, for existing members. */
  readonly memberSince?: string;
  /** The PushPress id; default `usr_<key>`. */
  readonly id?: string;
}

type StepBase<E extends string> = {
  /** Seconds after the scenario's `startAt`. */
  readonly at: number;
  readonly event: E;
  /** Key into `customers`. */
  readonly customer: string;
};

export type ScenarioStep =
  | StepBase<'customer.created'>
  | (StepBase<'customer.details.changed'> & {
      readonly changes: Partial<Pick<ScenarioCustomer, 'first' | 'last' | 'email' | 'phone' | 'city' | 'state' | 'zip'>>;
    })
  | (StepBase<'customer.status.changed'> & { readonly role: CustomerRole })
  | (StepBase<'enrollment.created'> & { readonly enrollment: string; readonly planId: string; readonly status?: EnrollmentStatus })
  | (StepBase<'enrollment.status.changed'> & { readonly enrollment: string; readonly status: EnrollmentStatus })
  | (StepBase<'appointment.scheduled'> & {
      readonly appointment: string;
      readonly typeName: string;
      readonly staffId: string;
      /** Seconds after this step that the appointment starts. */
      readonly startsIn: number;
    })
  | (StepBase<'appointment.rescheduled'> & { readonly appointment: string; readonly startsIn: number })
  | (StepBase<'appointment.canceled'> & { readonly appointment: string; readonly isLateCancel?: boolean })
  | (StepBase<'appointment.noshowed'> & { readonly appointment: string })
  | (StepBase<'checkin.created'> & { readonly classId: string; readonly className: string; readonly classTypeId?: string })
  | (StepBase<'reservation.waitlisted'> & { readonly reservation: string; readonly classId: string });

/**
 * A scenario as data: who is involved and what happens to them, in order. `createScenario`
 * turns it into signed-ready deliveries; keys (customer, enrollment, appointment,
 * reservation) become stable ids so the same script always yields the same deliveries.
 */
export interface ScenarioScript {
  readonly name: string;
  readonly description?: string;
  readonly companyId: string;
  /** Unix seconds of `at: 0`. */
  readonly startAt: number;
  readonly customers: Readonly<Record<string, ScenarioCustomer>>;
  readonly steps: readonly ScenarioStep[];
}
