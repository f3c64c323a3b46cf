import { readFileSync } from 'node:fs';
import { createEngine, createTestConnector, type Connector, type Engine, type TriggerEvent, type WorkflowDefinition } from './core-dependencies.js';

/**
 * The benchmarked workflow: a PushPress `customer.created` webhook (payload checked against the
 * reference JSON schema) → one action step whose input maps six fields with JSONata → an
 * in-process "upsert contact" action that answers at once.
 */

export const TRIGGER = 'pushpress.customer.created';
export const ACTION = 'crm.upsertContact';

/** The PushPress reference schema of the webhook body (draft-07), as the engine validates it. */
export const customerCreatedSchema: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../packages/connectors/reference/pushpress/webhooks/customer.created.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** The action step's input mapping: `=` strings are JSONata, the rest literal. */
export const CONTACT_MAPPING = {
  email: '=$lowercase($trim($event.data.email))',
  firstName: '=$trim($event.data.name.first)',
  lastName: '=$trim($event.data.name.last)',
  phone: '=$event.data.phone',
  tags: '=["pushpress", $event.data.role]',
  source: 'PushPress',
} as const;

export interface ContactInput {
  readonly email?: unknown;
  readonly firstName?: unknown;
  readonly lastName?: unknown;
  readonly phone?: unknown;
  readonly tags?: unknown;
  readonly source?: unknown;
}

/** The in-process action both the engine and the hand-written baseline call. */
export function upsertContact(input: unknown): { readonly id: string; readonly created: boolean } {
  const { email } = input as ContactInput;
  return { id: `contact:${String(email)}`, created: true };
}

export const workflowDefinition: WorkflowDefinition = {
  id: 'pushpress-member-to-crm',
  name: 'New PushPress member → CRM contact',
  version: 1,
  trigger: { operation: TRIGGER },
  steps: [{ id: 'upsert', type: 'action', operation: ACTION, connection: 'crm', input: CONTACT_MAPPING }],
} as WorkflowDefinition;

export interface BenchEngineOptions {
  /** The action's body; default `upsertContact`, answering at once. */
  readonly action?: (input: unknown) => unknown;
}

/**
 * The CRM as an in-process connector: `crm.upsertContact` calls `action` and nothing else (the
 * core's test connector also logs every call, which the hand-written side would not pay for).
 */
function crmConnector(action: (input: unknown) => unknown): Connector {
  return {
    name: 'crm',
    operations: [{ id: ACTION, kind: 'action', connector: 'crm', title: 'Upsert a contact' }],
    invoke: async (request) => action(request.input),
  };
}

/** A fresh engine (fresh memory store) with the workflow deployed. */
export function createBenchEngine(options: BenchEngineOptions = {}): Engine {
  const pushpress = createTestConnector({ name: 'pushpress', triggers: { 'customer.created': { payload: customerCreatedSchema } } });
  const engine: Engine = createEngine({
    connectors: [pushpress, crmConnector(options.action ?? upsertContact)],
    connections: { crm: { connector: 'crm', credentials: { apiKey: 'bench-not-a-secret' } } },
  });
  engine.deploy(workflowDefinition);
  return engine;
}

/**
 * The `n`th delivery of the cycle, with an id of its own: the engine keeps one run per delivery
 * id and workflow version, so a repeated id would return the earlier run instead of running.
 */
export function deliveryAt(events: readonly TriggerEvent[], n: number): TriggerEvent {
  const event = events[n % events.length];
  if (!event) throw new TypeError('Expected at least one event to cycle through');
  return { ...event, id: `${event.id ?? 'delivery'}#${n}` };
}

const FIRST = ['Ann', 'Bob', 'Chioma', 'Dmitri', 'Elif', 'Farah', 'Goran', 'Hana'];
const LAST = ['Lee', 'Okafor', 'Novak', 'Silva', 'Tanaka', 'Moreau', 'Kowalski', 'Haddad'];
const ROLES = ['member', 'lead', 'non-member', 'member'];

/** `count` distinct, schema-valid customer.created deliveries (messy emails and names to clean). */
export function customerEvents(count: number): TriggerEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const first = FIRST[index % FIRST.length] ?? 'Ann';
    const last = LAST[(index >> 3) % LAST.length] ?? 'Lee';
    const created = 1_764_190_000 + index;
    return {
      trigger: TRIGGER,
      id: `customer.created:usr_${index}:${created}`,
      payload: {
        event: 'customer.created',
        created,
        data: {
          id: `usr_${index}`,
          companyId: 'cmp_ironpeak',
          name: { first: ` ${first} `, last: `${last} `, nickname: null },
          gender: index % 3 === 0 ? null : index % 2 === 0 ? 'female' : 'male',
          dob: index % 5 === 0 ? null : '1991-04-12',
          address: { line1: `${index} Barbell Way`, line2: '', city: 'Austin', country: 'US', state: 'TX', zip: '78701' },
          assignedToStaffId: null,
          account: index % 7 === 0 ? { type: 'linked', primaryCustomerId: 'usr_0' } : { type: 'primary' },
          profileImage: null,
          emergencyContact: { name: 'Pat Doe', phone: '+15125550100', relationship: 'partner' },
          membershipDetails: { initialMembershipStartDate: '2025-11-01' },
          email: `  ${first}.${last}${index}@Example.COM `,
          phone: index % 4 === 0 ? null : `+1512555${String(index % 10_000).padStart(4, '0')}`,
          role: ROLES[index % ROLES.length] ?? 'member',
        },
      },
    };
  });
}
