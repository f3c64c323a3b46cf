import type { RouteDefinition } from '../routing/route.js';
import { appointmentRoutes } from './appointments.js';
import { contactRoutes } from './contacts.js';
import { locationRoutes } from './locations.js';
import { noteRoutes } from './notes.js';
import { opportunityRoutes } from './opportunities.js';
import { taskRoutes } from './tasks.js';
import { userRoutes } from './users.js';

/** Every GoHighLevel operation the sandbox answers. */
export const ghlRoutes: readonly RouteDefinition[] = [
  ...contactRoutes,
  ...taskRoutes,
  ...noteRoutes,
  ...appointmentRoutes,
  ...opportunityRoutes,
  ...userRoutes,
  ...locationRoutes,
];
