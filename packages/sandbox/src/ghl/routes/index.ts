import type { RouteDefinition } from '../routing/route.js';
import { appointmentNoteRoutes } from './appointment-notes.js';
import { appointmentRoutes } from './appointments.js';
import { calendarEventRoutes } from './calendar-events.js';
import { calendarGroupRoutes } from './calendar-groups.js';
import { calendarNotificationRoutes } from './calendar-notifications.js';
import { calendarResourceRoutes } from './calendar-resources.js';
import { calendarRoutes } from './calendars.js';
import { contactAutomationRoutes } from './contact-automations.js';
import { contactBulkRoutes } from './contact-bulk.js';
import { contactFollowerRoutes } from './contact-followers.js';
import { contactRoutes } from './contacts.js';
import { customFieldUploadRoutes } from './custom-field-uploads.js';
import { freeSlotRoutes } from './free-slots.js';
import { locationRoutes } from './locations.js';
import { noteRoutes } from './notes.js';
import { opportunityExtraRoutes } from './opportunity-extras.js';
import { opportunityRoutes } from './opportunities.js';
import { scheduleRoutes } from './schedules.js';
import { taskRoutes } from './tasks.js';
import { userRoutes } from './users.js';

/** Every GoHighLevel operation the sandbox answers. */
export const ghlRoutes: readonly RouteDefinition[] = [
  ...contactRoutes,
  ...contactFollowerRoutes,
  ...contactAutomationRoutes,
  ...contactBulkRoutes,
  ...taskRoutes,
  ...noteRoutes,
  ...calendarRoutes,
  ...calendarGroupRoutes,
  ...calendarResourceRoutes,
  ...calendarNotificationRoutes,
  ...scheduleRoutes,
  ...appointmentRoutes,
  ...appointmentNoteRoutes,
  ...calendarEventRoutes,
  ...freeSlotRoutes,
  ...opportunityRoutes,
  ...opportunityExtraRoutes,
  ...userRoutes,
  ...locationRoutes,
  ...customFieldUploadRoutes,
];
