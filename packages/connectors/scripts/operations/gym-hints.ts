import type { Json } from './json-types.js';

/**
 * Values that make samples look like a gym's data (a member of "Iron Peak Fitness" in Austin),
 * keyed by property name. A hint is used only where it validates against the property's schema;
 * otherwise the document's own example is used.
 */
const GHL_HINTS: Readonly<Record<string, Json>> = {
  firstName: 'Maya',
  lastName: 'Lopez',
  email: 'maya.lopez@example.com',
  emails: ['maya.lopez@example.com'],
  phone: '+15125550143',
  number: '+15125550143',
  companyName: 'Iron Peak Fitness',
  address1: '1200 Barton Springs Rd',
  city: 'Austin',
  state: 'TX',
  postalCode: '78704',
  country: 'US',
  website: 'https://ironpeakfitness.com',
  timezone: 'America/Chicago',
  source: 'PushPress',
  tags: ['pushpress', 'member'],
  gender: 'female',
};

const PUSHPRESS_HINTS: Readonly<Record<string, Json>> = {
  first: 'Maya',
  last: 'Lopez',
  nickname: null,
  email: 'maya.lopez@example.com',
  phone: '+15125550143',
  companyId: 'cmp_ironpeak',
  company: 'cmp_ironpeak',
  customerId: 'usr_4b7d2q9x',
  customer: 'usr_4b7d2q9x',
  primaryCustomerId: 'usr_4b7d2q9x',
  assignedToStaffId: 'usr_coach_jordan',
  line1: '1200 Barton Springs Rd',
  line2: 'Suite 4',
  city: 'Austin',
  state: 'TX',
  country: 'US',
  zip: '78704',
  dob: '1990-04-12',
  gender: 'female',
  role: 'member',
  profileImage: null,
  relationship: 'Spouse',
  created: 1764190000,
  timestamp: 1764190000,
  registrationTimestamp: 1764103600,
  startTimestamp: 1764190800,
  endTimestamp: 1764194400,
  timezone: 'America/Chicago',
  source: 'front-desk',
};

export function ghlHint(name: string | undefined): Json | undefined {
  return name === undefined ? undefined : GHL_HINTS[name];
}

export function pushpressHint(name: string | undefined): Json | undefined {
  return name === undefined ? undefined : PUSHPRESS_HINTS[name];
}
