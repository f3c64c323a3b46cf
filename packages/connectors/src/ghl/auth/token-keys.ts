/**
 * The TokenStore keys of an agency install: one for the agency (Company) token pair, one per
 * tenant and location for the location tokens obtained from it. Each part is URL-encoded, so a
 * `:` in a tenant or location id cannot make two keys meet.
 */
export const ghlTokenKeys = {
  /** The agency token pair of `companyId`, shared by every tenant the company's locations serve. */
  agency: (companyId: string): string => `ghl-agency:${encodeURIComponent(companyId)}`,
  /** The access token of `locationId` as `tenant` uses it. */
  location: (tenant: string, locationId: string): string => `ghl-location:${encodeURIComponent(tenant)}:${encodeURIComponent(locationId)}`,
} as const;
