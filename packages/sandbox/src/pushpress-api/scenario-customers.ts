import { customerData, type CustomerProfile } from '../pushpress/payloads.js';
import type { ScenarioScript } from '../pushpress/scenario-script.js';
import type { JsonObject } from '../shared/json.js';

/**
 * The customers of a scenario as the PushPress API would answer them at its start (the
 * `data` of a customer.* webhook), so a PushPress stub can serve lookups for customers that
 * events name only by id. Ids follow createScenario (`usr_<key>` + idSuffix unless set).
 */
export function scenarioCustomers(script: ScenarioScript, options: { readonly idSuffix?: string } = {}): JsonObject[] {
  const suffix = options.idSuffix ?? '';
  return Object.entries(script.customers).map(([key, c]) => {
    const profile: CustomerProfile = {
      id: `${c.id ?? `usr_${key}`}${suffix}`,
      first: c.first,
      last: c.last,
      email: c.email,
      phone: c.phone ?? null,
      role: c.role ?? 'lead',
      ...(c.city === undefined ? {} : { city: c.city }),
      ...(c.state === undefined ? {} : { state: c.state }),
      ...(c.zip === undefined ? {} : { zip: c.zip }),
      memberSince: c.memberSince ?? null,
    };
    return customerData(script.companyId, profile);
  });
}
