import { createAppointmentFinder } from './appointment.js';
import { createContactFinder, upsertContactFinder } from './contact.js';
import type { EffectFinder } from './effect-finder.js';
import { createNoteFinder } from './note.js';
import { createOpportunityFinder } from './opportunity.js';
import { createTaskFinder } from './task.js';

/**
 * The GHL operations whose effect can be found again, by operation id. GHL has no idempotency
 * keys, so each creating operation declares how to find what it would have created.
 *
 * Every other operation reconciles to `{ found: false }`: reads (GET, and the read-only search
 * POSTs) and the idempotent PUTs and DELETEs do the same thing when repeated, so re-sending them is
 * safe; the remaining POSTs (tags, followers, campaigns, workflows, calendars and their settings,
 * ...) have no finder yet, and the engine re-sends them after an unknown outcome.
 */
const FINDERS: readonly EffectFinder[] = [
  createContactFinder,
  upsertContactFinder,
  createTaskFinder,
  createNoteFinder,
  createAppointmentFinder,
  createOpportunityFinder,
];

function byOperationId(finders: readonly EffectFinder[]): ReadonlyMap<string, EffectFinder> {
  const map = new Map<string, EffectFinder>();
  for (const finder of finders) {
    if (map.has(finder.operationId)) throw new Error(`Two effect finders for ${finder.operationId}: keep one`);
    map.set(finder.operationId, finder);
  }
  return map;
}

export const effectFinders: ReadonlyMap<string, EffectFinder> = byOperationId(FINDERS);

/** The finder of an operation, or undefined when its effect cannot be looked up. */
export function effectFinderFor(operationId: string): EffectFinder | undefined {
  return effectFinders.get(operationId);
}
