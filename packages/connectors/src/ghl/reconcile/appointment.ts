import { absent, found, unknowable, type EffectFinder } from './effect-finder.js';
import { answerList, inputString } from './input-fields.js';

/** The members of AppointmentSchemaResponse (calendars.json), what `create-appointment` answers. */
const CREATE_ANSWER_FIELDS = [
  'id',
  'calendarId',
  'locationId',
  'contactId',
  'startTime',
  'endTime',
  'title',
  'meetingLocationType',
  'appointmentStatus',
  'assignedUserId',
  'address',
  'isRecurring',
  'rrule',
] as const;

/**
 * Whether two start times name the same instant: equal when both parse as dates with a time
 * zone, else equal as text. (GHL answers `2021-06-23T03:30:00+05:30` to a create and the document
 * shows `2021-07-16 11:00:00` in event lists; an offset-less time is compared as text only, since
 * its zone is the location's, which the connector does not know.)
 */
export function sameStartTime(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (a === b) return true;
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i;
  if (!zoned.test(a.trim()) || !zoned.test(b.trim())) return false;
  const left = Date.parse(a);
  const right = Date.parse(b);
  return !Number.isNaN(left) && left === right;
}

/**
 * `create-appointment`: the contact's appointment in the same calendar at the same start time
 * (`GET /contacts/{contactId}/appointments`). A contact cannot be booked twice into one calendar
 * slot on purpose, so such an appointment is the one the lost request made. Answers the create
 * answer's members, picked from the listed event.
 */
export const createAppointmentFinder: EffectFinder = {
  operationId: 'ghl.calendars.create-appointment',
  strategy: 'the contact\'s appointment with the same calendarId and startTime (GET /contacts/{contactId}/appointments)',
  async find(input, context) {
    const contactId = inputString(input, 'body', 'contactId');
    const calendarId = inputString(input, 'body', 'calendarId');
    const startTime = inputString(input, 'body', 'startTime');
    if (contactId === undefined || calendarId === undefined || startTime === undefined) {
      return unknowable('the request lacks the contactId, calendarId or startTime that identify the appointment');
    }
    const answer = await context.read('ghl.contacts.get-appointments-for-contact', { path: { contactId } });
    const event = answerList(answer, 'events').find((item) => item['calendarId'] === calendarId && sameStartTime(item['startTime'], startTime));
    if (event === undefined) return absent;
    const output: Record<string, unknown> = {};
    for (const field of CREATE_ANSWER_FIELDS) if (event[field] !== undefined) output[field] = event[field];
    return found(output);
  },
};
