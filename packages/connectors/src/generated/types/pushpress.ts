/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/operations/** by packages/connectors/scripts/generate-operations.ts.
 * Change the generator (or the reference documents), then run `pnpm generate`.
 */

/**
 * The payload type of every PushPress trigger, keyed by event name.
 */
export interface PushpressTriggers {
  'customer.created': PushpressCustomerCreatedPayload;
  'customer.details.changed': PushpressCustomerDetailsChangedPayload;
  'customer.status.changed': PushpressCustomerStatusChangedPayload;
  'customer.deleted': PushpressCustomerDeletedPayload;
  'enrollment.created': PushpressEnrollmentCreatedPayload;
  'enrollment.status.changed': PushpressEnrollmentStatusChangedPayload;
  'enrollment.deleted': PushpressEnrollmentDeletedPayload;
  'checkin.created': PushpressCheckinCreatedPayload;
  'checkin.updated': PushpressCheckinUpdatedPayload;
  'checkin.failed': PushpressCheckinFailedPayload;
  'checkin.deleted': PushpressCheckinDeletedPayload;
  'appointment.scheduled': PushpressAppointmentScheduledPayload;
  'appointment.rescheduled': PushpressAppointmentRescheduledPayload;
  'appointment.canceled': PushpressAppointmentCanceledPayload;
  'appointment.noshowed': PushpressAppointmentNoshowedPayload;
  'reservation.created': PushpressReservationCreatedPayload;
  'reservation.waitlisted': PushpressReservationWaitlistedPayload;
  'reservation.canceled': PushpressReservationCanceledPayload;
  'reservation.noshowed': PushpressReservationNoshowedPayload;
  'class.canceled': PushpressClassCanceledPayload;
  'memberapp.updated': PushpressMemberappUpdatedPayload;
  'app.installed': PushpressAppInstalledPayload;
  'app.uninstalled': PushpressAppUninstalledPayload;
}
/**
 * Body of a PushPress webhook delivery for event customer.created: {event, created (unix seconds), data}.
 */
export interface PushpressCustomerCreatedPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    companyId: string;
    name: {
      first: string;
      last: string;
      nickname: string | null;
    };
    gender: ('male' | 'female') | null;
    dob: string | null;
    address: {
      line1: string;
      line2: string;
      city: string;
      country: string;
      state: string;
      zip: string;
    };
    assignedToStaffId?: string | null;
    account:
      | {
          type: 'linked';
          primaryCustomerId: string;
        }
      | {
          type: 'primary';
        };
    profileImage?: string | null;
    emergencyContact?: {
      name: string;
      phone: string;
      relationship: string;
    };
    membershipDetails: {
      initialMembershipStartDate: string | null;
    } | null;
    email: string;
    phone?: string | null;
    role?: ('superuser' | 'admin' | 'coach' | 'frontdesk' | 'member' | 'non-member' | 'ex-member' | 'lead') | null;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'customer.created';
}
/**
 * Body of a PushPress webhook delivery for event customer.details.changed: {event, created (unix seconds), data}.
 */
export interface PushpressCustomerDetailsChangedPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    companyId: string;
    name: {
      first: string;
      last: string;
      nickname: string | null;
    };
    gender: ('male' | 'female') | null;
    dob: string | null;
    address: {
      line1: string;
      line2: string;
      city: string;
      country: string;
      state: string;
      zip: string;
    };
    assignedToStaffId?: string | null;
    account:
      | {
          type: 'linked';
          primaryCustomerId: string;
        }
      | {
          type: 'primary';
        };
    profileImage?: string | null;
    emergencyContact?: {
      name: string;
      phone: string;
      relationship: string;
    };
    membershipDetails: {
      initialMembershipStartDate: string | null;
    } | null;
    email: string;
    phone?: string | null;
    role?: ('superuser' | 'admin' | 'coach' | 'frontdesk' | 'member' | 'non-member' | 'ex-member' | 'lead') | null;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'customer.details.changed';
}
/**
 * Body of a PushPress webhook delivery for event customer.status.changed: {event, created (unix seconds), data}.
 */
export interface PushpressCustomerStatusChangedPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    companyId: string;
    name: {
      first: string;
      last: string;
      nickname: string | null;
    };
    gender: ('male' | 'female') | null;
    dob: string | null;
    address: {
      line1: string;
      line2: string;
      city: string;
      country: string;
      state: string;
      zip: string;
    };
    assignedToStaffId?: string | null;
    account:
      | {
          type: 'linked';
          primaryCustomerId: string;
        }
      | {
          type: 'primary';
        };
    profileImage?: string | null;
    emergencyContact?: {
      name: string;
      phone: string;
      relationship: string;
    };
    membershipDetails: {
      initialMembershipStartDate: string | null;
    } | null;
    email: string;
    phone?: string | null;
    role?: ('superuser' | 'admin' | 'coach' | 'frontdesk' | 'member' | 'non-member' | 'ex-member' | 'lead') | null;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'customer.status.changed';
}
/**
 * Body of a PushPress webhook delivery for event customer.deleted: {event, created (unix seconds), data}.
 */
export interface PushpressCustomerDeletedPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    companyId: string;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'customer.deleted';
}
/**
 * Body of a PushPress webhook delivery for event enrollment.created: {event, created (unix seconds), data}.
 */
export interface PushpressEnrollmentCreatedPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    /**
     * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
     */
    customerId: string;
    companyId: string;
    planId?: string | null;
    billingSchedule: {
      period: 'day' | 'week' | 'month' | 'year' | 'once';
      interval: number;
    };
    status: 'active' | 'alert' | 'canceled' | 'completed' | 'paused' | 'pendactivation' | 'pendcancel';
    startDate?: string | null;
    endDate?: string | null;
    lastCharge?: string | null;
    nextCharge?: string | null;
    paidUntil?: string | null;
    checkinDetails: {
      checkins: number;
      limit: number;
    };
    entitlements: {
      type: string;
      id: string;
      interval: string;
      quantity: number;
      metadata: {
        [k: string]: unknown;
      };
    }[];
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'enrollment.created';
}
/**
 * Body of a PushPress webhook delivery for event enrollment.status.changed: {event, created (unix seconds), data}.
 */
export interface PushpressEnrollmentStatusChangedPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    /**
     * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
     */
    customerId: string;
    companyId: string;
    planId?: string | null;
    billingSchedule: {
      period: 'day' | 'week' | 'month' | 'year' | 'once';
      interval: number;
    };
    status: 'active' | 'alert' | 'canceled' | 'completed' | 'paused' | 'pendactivation' | 'pendcancel';
    startDate?: string | null;
    endDate?: string | null;
    lastCharge?: string | null;
    nextCharge?: string | null;
    paidUntil?: string | null;
    checkinDetails: {
      checkins: number;
      limit: number;
    };
    entitlements: {
      type: string;
      id: string;
      interval: string;
      quantity: number;
      metadata: {
        [k: string]: unknown;
      };
    }[];
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'enrollment.status.changed';
}
/**
 * Body of a PushPress webhook delivery for event enrollment.deleted: {event, created (unix seconds), data}.
 */
export interface PushpressEnrollmentDeletedPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'enrollment.deleted';
}
/**
 * Body of a PushPress webhook delivery for event checkin.created: {event, created (unix seconds), data}.
 */
export interface PushpressCheckinCreatedPayload {
  /**
   * The record the event is about.
   */
  data:
    | {
        id: string;
        /**
         * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
         */
        customer: string;
        company: string;
        timestamp: number;
        enrollmentId?: string | null;
        name: string;
        typeId: string;
        classId: string;
        source: string;
        result: 'success' | 'failure';
        failureReason?: string | null;
        type: {
          id: string;
          name: string;
        };
        kind: 'class';
        role: 'staff' | 'coach' | 'assistant' | 'attendee';
      }
    | {
        id: string;
        /**
         * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
         */
        customer: string;
        company: string;
        timestamp: number;
        enrollmentId?: string | null;
        name?: string;
        kind: 'appointment';
        appointmentId: string;
        typeId: string;
        staffId: string;
      }
    | {
        id: string;
        /**
         * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
         */
        customer: string;
        company: string;
        timestamp: number;
        enrollmentId?: string | null;
        name: string;
        kind: 'event';
        role: 'staff' | 'coach' | 'assistant' | 'attendee';
        typeId: string;
        eventId: string;
        type: {
          id: string;
          name: string;
        };
      }
    | {
        id: string;
        /**
         * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
         */
        customer: string;
        company: string;
        timestamp: number;
        enrollmentId?: string | null;
        kind: 'open';
      };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'checkin.created';
}
/**
 * Body of a PushPress webhook delivery for event checkin.updated: {event, created (unix seconds), data}.
 */
export interface PushpressCheckinUpdatedPayload {
  /**
   * The record the event is about.
   */
  data:
    | {
        id: string;
        /**
         * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
         */
        customer: string;
        company: string;
        timestamp: number;
        enrollmentId?: string | null;
        name: string;
        typeId: string;
        classId: string;
        source: string;
        result: 'success' | 'failure';
        failureReason?: string | null;
        type: {
          id: string;
          name: string;
        };
        kind: 'class';
        role: 'staff' | 'coach' | 'assistant' | 'attendee';
      }
    | {
        id: string;
        /**
         * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
         */
        customer: string;
        company: string;
        timestamp: number;
        enrollmentId?: string | null;
        name?: string;
        kind: 'appointment';
        appointmentId: string;
        typeId: string;
        staffId: string;
      }
    | {
        id: string;
        /**
         * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
         */
        customer: string;
        company: string;
        timestamp: number;
        enrollmentId?: string | null;
        name: string;
        kind: 'event';
        role: 'staff' | 'coach' | 'assistant' | 'attendee';
        typeId: string;
        eventId: string;
        type: {
          id: string;
          name: string;
        };
      }
    | {
        id: string;
        /**
         * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
         */
        customer: string;
        company: string;
        timestamp: number;
        enrollmentId?: string | null;
        kind: 'open';
      };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'checkin.updated';
}
/**
 * Body of a PushPress webhook delivery for event checkin.failed: {event, created (unix seconds), data}.
 */
export interface PushpressCheckinFailedPayload {
  /**
   * The record the event is about.
   */
  data:
    | {
        id: string;
        /**
         * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
         */
        customer: string;
        company: string;
        timestamp: number;
        enrollmentId?: string | null;
        name: string;
        typeId: string;
        classId: string;
        source: string;
        result: 'success' | 'failure';
        failureReason?: string | null;
        type: {
          id: string;
          name: string;
        };
        kind: 'class';
        role: 'staff' | 'coach' | 'assistant' | 'attendee';
      }
    | {
        id: string;
        /**
         * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
         */
        customer: string;
        company: string;
        timestamp: number;
        enrollmentId?: string | null;
        name?: string;
        kind: 'appointment';
        appointmentId: string;
        typeId: string;
        staffId: string;
      }
    | {
        id: string;
        /**
         * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
         */
        customer: string;
        company: string;
        timestamp: number;
        enrollmentId?: string | null;
        name: string;
        kind: 'event';
        role: 'staff' | 'coach' | 'assistant' | 'attendee';
        typeId: string;
        eventId: string;
        type: {
          id: string;
          name: string;
        };
      }
    | {
        id: string;
        /**
         * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
         */
        customer: string;
        company: string;
        timestamp: number;
        enrollmentId?: string | null;
        kind: 'open';
      };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'checkin.failed';
}
/**
 * Body of a PushPress webhook delivery for event checkin.deleted: {event, created (unix seconds), data}.
 */
export interface PushpressCheckinDeletedPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    /**
     * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
     */
    customerId: string;
    companyId: string;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'checkin.deleted';
}
/**
 * Body of a PushPress webhook delivery for event appointment.scheduled: {event, created (unix seconds), data}.
 */
export interface PushpressAppointmentScheduledPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    type: {
      name: string;
    };
    companyId: string;
    isLateCancel?: boolean;
    /**
     * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
     */
    customerId: string;
    startTimestamp: number;
    staffId: string;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'appointment.scheduled';
}
/**
 * Body of a PushPress webhook delivery for event appointment.rescheduled: {event, created (unix seconds), data}.
 */
export interface PushpressAppointmentRescheduledPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    type: {
      name: string;
    };
    companyId: string;
    isLateCancel?: boolean;
    /**
     * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
     */
    customerId: string;
    startTimestamp: number;
    staffId: string;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'appointment.rescheduled';
}
/**
 * Body of a PushPress webhook delivery for event appointment.canceled: {event, created (unix seconds), data}.
 */
export interface PushpressAppointmentCanceledPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    type: {
      name: string;
    };
    companyId: string;
    isLateCancel?: boolean;
    /**
     * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
     */
    customerId: string;
    startTimestamp: number;
    staffId: string;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'appointment.canceled';
}
/**
 * Body of a PushPress webhook delivery for event appointment.noshowed: {event, created (unix seconds), data}.
 */
export interface PushpressAppointmentNoshowedPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    type: {
      name: string;
    };
    companyId: string;
    isLateCancel?: boolean;
    /**
     * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
     */
    customerId: string;
    startTimestamp: number;
    staffId: string;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'appointment.noshowed';
}
/**
 * Body of a PushPress webhook delivery for event reservation.created: {event, created (unix seconds), data}.
 */
export interface PushpressReservationCreatedPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    reservedId: string;
    /**
     * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
     */
    customerId?: string | null;
    companyId?: string | null;
    registrationTimestamp: number;
    status: 'waitlisted' | 'checked-in' | 'reserved' | 'canceled' | 'late-canceled';
    checkin?:
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          name: string;
          typeId: string;
          classId: string;
          source: string;
          result: 'success' | 'failure';
          failureReason?: string | null;
          type: {
            id: string;
            name: string;
          };
          kind: 'class';
          role: 'staff' | 'coach' | 'assistant' | 'attendee';
        }
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          name?: string;
          kind: 'appointment';
          appointmentId: string;
          typeId: string;
          staffId: string;
        }
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          name: string;
          kind: 'event';
          role: 'staff' | 'coach' | 'assistant' | 'attendee';
          typeId: string;
          eventId: string;
          type: {
            id: string;
            name: string;
          };
        }
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          kind: 'open';
        };
    templateId?: string | null;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'reservation.created';
}
/**
 * Body of a PushPress webhook delivery for event reservation.waitlisted: {event, created (unix seconds), data}.
 */
export interface PushpressReservationWaitlistedPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    reservedId: string;
    /**
     * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
     */
    customerId?: string | null;
    companyId?: string | null;
    registrationTimestamp: number;
    status: 'waitlisted' | 'checked-in' | 'reserved' | 'canceled' | 'late-canceled';
    checkin?:
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          name: string;
          typeId: string;
          classId: string;
          source: string;
          result: 'success' | 'failure';
          failureReason?: string | null;
          type: {
            id: string;
            name: string;
          };
          kind: 'class';
          role: 'staff' | 'coach' | 'assistant' | 'attendee';
        }
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          name?: string;
          kind: 'appointment';
          appointmentId: string;
          typeId: string;
          staffId: string;
        }
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          name: string;
          kind: 'event';
          role: 'staff' | 'coach' | 'assistant' | 'attendee';
          typeId: string;
          eventId: string;
          type: {
            id: string;
            name: string;
          };
        }
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          kind: 'open';
        };
    templateId?: string | null;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'reservation.waitlisted';
}
/**
 * Body of a PushPress webhook delivery for event reservation.canceled: {event, created (unix seconds), data}.
 */
export interface PushpressReservationCanceledPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    reservedId: string;
    /**
     * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
     */
    customerId?: string | null;
    companyId?: string | null;
    registrationTimestamp: number;
    status: 'waitlisted' | 'checked-in' | 'reserved' | 'canceled' | 'late-canceled';
    checkin?:
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          name: string;
          typeId: string;
          classId: string;
          source: string;
          result: 'success' | 'failure';
          failureReason?: string | null;
          type: {
            id: string;
            name: string;
          };
          kind: 'class';
          role: 'staff' | 'coach' | 'assistant' | 'attendee';
        }
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          name?: string;
          kind: 'appointment';
          appointmentId: string;
          typeId: string;
          staffId: string;
        }
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          name: string;
          kind: 'event';
          role: 'staff' | 'coach' | 'assistant' | 'attendee';
          typeId: string;
          eventId: string;
          type: {
            id: string;
            name: string;
          };
        }
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          kind: 'open';
        };
    templateId?: string | null;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'reservation.canceled';
}
/**
 * Body of a PushPress webhook delivery for event reservation.noshowed: {event, created (unix seconds), data}. PushPress lists this event type but its SDK has no model for it; this schema assumes the shape of the other reservation.* events.
 */
export interface PushpressReservationNoshowedPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    reservedId: string;
    /**
     * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
     */
    customerId?: string | null;
    companyId?: string | null;
    registrationTimestamp: number;
    status: 'waitlisted' | 'checked-in' | 'reserved' | 'canceled' | 'late-canceled';
    checkin?:
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          name: string;
          typeId: string;
          classId: string;
          source: string;
          result: 'success' | 'failure';
          failureReason?: string | null;
          type: {
            id: string;
            name: string;
          };
          kind: 'class';
          role: 'staff' | 'coach' | 'assistant' | 'attendee';
        }
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          name?: string;
          kind: 'appointment';
          appointmentId: string;
          typeId: string;
          staffId: string;
        }
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          name: string;
          kind: 'event';
          role: 'staff' | 'coach' | 'assistant' | 'attendee';
          typeId: string;
          eventId: string;
          type: {
            id: string;
            name: string;
          };
        }
      | {
          id: string;
          /**
           * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
           */
          customer: string;
          company: string;
          timestamp: number;
          enrollmentId?: string | null;
          kind: 'open';
        };
    templateId?: string | null;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'reservation.noshowed';
}
/**
 * Body of a PushPress webhook delivery for event class.canceled: {event, created (unix seconds), data}.
 */
export interface PushpressClassCanceledPayload {
  /**
   * The record the event is about.
   */
  data: {
    id: string;
    coachUuid?: string | null;
    assistantCoachUuid: string | null;
    company?: string | null;
    title?: string | null;
    classTypeName?: string | null;
    locationUuid?: string | null;
    location?: {
      name?: string;
    };
    reservations?: {
      id: string;
      reservedId: string;
      /**
       * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
       */
      customerId?: string | null;
      companyId?: string | null;
      registrationTimestamp: number;
      status: 'waitlisted' | 'checked-in' | 'reserved' | 'canceled' | 'late-canceled';
      checkin?:
        | {
            id: string;
            /**
             * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
             */
            customer: string;
            company: string;
            timestamp: number;
            enrollmentId?: string | null;
            name: string;
            typeId: string;
            classId: string;
            source: string;
            result: 'success' | 'failure';
            failureReason?: string | null;
            type: {
              id: string;
              name: string;
            };
            kind: 'class';
            role: 'staff' | 'coach' | 'assistant' | 'attendee';
          }
        | {
            id: string;
            /**
             * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
             */
            customer: string;
            company: string;
            timestamp: number;
            enrollmentId?: string | null;
            name?: string;
            kind: 'appointment';
            appointmentId: string;
            typeId: string;
            staffId: string;
          }
        | {
            id: string;
            /**
             * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
             */
            customer: string;
            company: string;
            timestamp: number;
            enrollmentId?: string | null;
            name: string;
            kind: 'event';
            role: 'staff' | 'coach' | 'assistant' | 'attendee';
            typeId: string;
            eventId: string;
            type: {
              id: string;
              name: string;
            };
          }
        | {
            id: string;
            /**
             * The PushPress customer's ID, not a GHL contact ID: resolve the contact before GHL actions.
             */
            customer: string;
            company: string;
            timestamp: number;
            enrollmentId?: string | null;
            kind: 'open';
          };
      templateId?: string | null;
    }[];
    start: number;
    end: number;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'class.canceled';
}
/**
 * Body of a PushPress webhook delivery for event memberapp.updated: {event, created (unix seconds), data}. PushPress lists this event type but documents no payload: data is an open object.
 */
export interface PushpressMemberappUpdatedPayload {
  event: 'memberapp.updated';
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  /**
   * The record the event is about.
   */
  data: {
    [k: string]: unknown;
  };
}
/**
 * Body of a PushPress webhook delivery for event app.installed: {event, created (unix seconds), data}.
 */
export interface PushpressAppInstalledPayload {
  /**
   * The record the event is about.
   */
  data: {
    clientUuid: string;
    appId: string;
    installationId: string;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'app.installed';
}
/**
 * Body of a PushPress webhook delivery for event app.uninstalled: {event, created (unix seconds), data}.
 */
export interface PushpressAppUninstalledPayload {
  /**
   * The record the event is about.
   */
  data: {
    clientUuid: string;
    appId: string;
    installationId: string;
  };
  /**
   * When PushPress created the delivery, in Unix seconds.
   */
  created: number;
  event: 'app.uninstalled';
}
