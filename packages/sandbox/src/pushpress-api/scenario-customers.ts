import { customerProfile } from '../pushpress/create-scenario.js';
import { customerData } from '../pushpress/payloads.js';
import type { ScenarioScript } from '../pushpress/scenario-script.js';
import type { JsonObject } from '../shared/json.js';

/**
 * The customers of a scenario as the PushPress API would answer them at its start (the
 * `data` of a customer.* webhook), so a PushPress stub can serve lookups for customers that
 * events name only by id. Ids follow createScenario (`usr_<key>` + idSuffix unless set).
 */
export function scenarioCustomers(script: ScenarioScript, options: { readonly idSuffix?: string } = {}): JsonObject[] {
  const suffix = options.idSuffix ?? '';
  return Object.entries(script.customers).map(([key, c]) => customerData(script.companyId, customerProfile(key, c, suffix)));
}
