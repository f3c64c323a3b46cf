import type { JsonObject } from '../shared/json.js';

/**
 * Builders of the `data` member of each simulated event, shaped as
 * reference/pushpress/webhooks/<event>.json requires (every required member present;
 * optional ones filled where a flow would read them). Timestamps inside `data` are unix
 * seconds, as in the PushPress SDK's own examples.
 */

export type CustomerRole = 'member' | 'non-member' | 'ex-member' | 'lead';

export interface CustomerProfile {
  readonly id: string;
  readonly first: string;
  readonly last: string;
  readonly email: string;
  readonly phone: string | null;
  readonly role: CustomerRole;
  readonly gender?: 'male' | 'female' | null;
  readonly dob?: string | null;
  readonly city?: string;
  readonly state?: string;
  readonly zip?: string;
  readonly line1?: string;
  /** Set once the customer first became a member (ISO date). */
  readonly memberSince?: string | null;
}

export function customerData(companyId: string, c: CustomerProfile): JsonObject {
  return {
    id: c.id,
    companyId,
    name: { first: c.first, last: c.last, nickname: null },
    gender: c.gender ?? null,
    dob: c.dob ?? null,
    address: {
      line1: c.line1 ?? '',
      line2: '',
      city: c.city ?? '',
      country: 'US',
      state: c.state ?? '',
      zip: c.zip ?? '',
    },
    assignedToStaffId: null,
    account: { type: 'primary' },
    profileImage: null,
    membershipDetails: c.memberSince === undefined || c.memberSince === null ? null : { initialMembershipStartDate: c.memberSince },
    email: c.email,
    phone: c.phone,
    role: c.role,
  };
}

export type EnrollmentStatus = 'active' | 'alert' | 'canceled' | 'completed' | 'paused' | 'pendactivation' | 'pendcancel';

export interface EnrollmentProfile {
  readonly id: string;
  readonly customerId: string;
  readonly planId: string;
  readonly status: EnrollmentStatus;
  /** Unix seconds. */
  readonly startedAt: number;
  readonly endedAt?: number | null;
  readonly period?: 'day' | 'week' | 'month' | 'year' | 'once';
  readonly checkinLimit?: number;
}

const isoDate = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);

export function enrollmentData(companyId: string, e: EnrollmentProfile): JsonObject {
  const nextCharge = e.startedAt + 30 * 86_400;
  return {
    id: e.id,
    customerId: e.customerId,
    companyId,
    planId: e.planId,
    billingSchedule: { period: e.period ?? 'month', interval: 1 },
    status: e.status,
    startDate: isoDate(e.startedAt),
    endDate: e.endedAt === undefined || e.endedAt === null ? null : isoDate(e.endedAt),
    lastCharge: isoDate(e.startedAt),
    nextCharge: e.status === 'canceled' ? null : isoDate(nextCharge),
    paidUntil: isoDate(nextCharge),
    checkinDetails: { checkins: 0, limit: e.checkinLimit ?? 0 },
    entitlements: [],
  };
}

export interface AppointmentProfile {
  readonly id: string;
  readonly customerId: string;
  readonly typeName: string;
  readonly staffId: string;
  /** Unix seconds. */
  readonly startsAt: number;
  readonly isLateCancel?: boolean;
}

export function appointmentData(companyId: string, a: AppointmentProfile): JsonObject {
  return {
    id: a.id,
    type: { name: a.typeName },
    companyId,
    isLateCancel: a.isLateCancel ?? false,
    customerId: a.customerId,
    startTimestamp: a.startsAt,
    staffId: a.staffId,
  };
}

export interface ClassCheckinProfile {
  readonly id: string;
  readonly customerId: string;
  readonly classId: string;
  readonly className: string;
  readonly classTypeId: string;
  /** Unix seconds. */
  readonly at: number;
  readonly enrollmentId?: string | null;
}

export function classCheckinData(companyId: string, c: ClassCheckinProfile): JsonObject {
  return {
    id: c.id,
    customer: c.customerId,
    company: companyId,
    timestamp: c.at,
    enrollmentId: c.enrollmentId ?? null,
    name: c.className,
    typeId: c.classTypeId,
    classId: c.classId,
    source: 'app',
    result: 'success',
    failureReason: null,
    type: { id: c.classTypeId, name: c.className },
    kind: 'class',
    role: 'attendee',
  };
}

export interface WaitlistProfile {
  readonly id: string;
  readonly customerId: string;
  readonly classId: string;
  /** Unix seconds. */
  readonly at: number;
}

export function waitlistData(companyId: string, r: WaitlistProfile): JsonObject {
  return {
    id: r.id,
    reservedId: r.classId,
    customerId: r.customerId,
    companyId,
    registrationTimestamp: r.at,
    status: 'waitlisted',
    templateId: null,
  };
}
