import { SandboxOptionsError } from '../../shared/errors.js';

/** Which of a company's locations have the sandbox's app installed (an agency install). */
export interface InstallationSeed {
  readonly companyId: string;
  readonly locationIds: readonly string[];
  /** GHL's `installToFutureLocations` of the install (default false). */
  readonly installToFutureLocations?: boolean;
}

/** The app in one location: when it was installed, and which version. */
export interface LocationInstall {
  readonly installedAt: string;
  readonly versionId: string;
}

interface CompanyInstall {
  installToFutureLocations: boolean;
  readonly locations: Map<string, LocationInstall>;
}

/** Where a location lives, as far as installs go: its company. */
export type CompanyOfLocation = (locationId: string) => string | undefined;

/**
 * The app's agency installs: per company, the locations that have it. `GET /oauth/installedLocations`
 * reports them and `POST /oauth/locationToken` answers only for them. `reset()` goes back to the seeds.
 */
export class Installations {
  private readonly companies = new Map<string, CompanyInstall>();

  constructor(
    private readonly seeds: readonly InstallationSeed[],
    private readonly companyOf: CompanyOfLocation,
    private readonly now: () => number,
    /** The app version every install is of. */
    readonly versionId: string,
  ) {
    this.reset();
  }

  reset(): void {
    this.companies.clear();
    for (const seed of this.seeds) this.install(seed.companyId, seed.locationIds, seed.installToFutureLocations);
  }

  /** Installs the app in `locationIds` of the company (keeping earlier installs). */
  install(companyId: string, locationIds: readonly string[], installToFutureLocations?: boolean): void {
    this.checkLocations(companyId, locationIds);
    let company = this.companies.get(companyId);
    if (company === undefined) this.companies.set(companyId, (company = { installToFutureLocations: false, locations: new Map() }));
    if (installToFutureLocations !== undefined) company.installToFutureLocations = installToFutureLocations;
    const installedAt = new Date(this.now()).toISOString();
    for (const id of locationIds) if (!company.locations.has(id)) company.locations.set(id, { installedAt, versionId: this.versionId });
  }

  /** Makes `locationIds` exactly the company's installed locations (uninstalling the others). */
  set(companyId: string, locationIds: readonly string[], installToFutureLocations?: boolean): void {
    this.checkLocations(companyId, locationIds);
    const company = this.companies.get(companyId);
    for (const id of company?.locations.keys() ?? []) if (!locationIds.includes(id)) company?.locations.delete(id);
    this.install(companyId, locationIds, installToFutureLocations);
  }

  installed(companyId: string, locationId: string): LocationInstall | undefined {
    return this.companies.get(companyId)?.locations.get(locationId);
  }

  installedIds(companyId: string): string[] {
    return [...(this.companies.get(companyId)?.locations.keys() ?? [])];
  }

  installToFutureLocations(companyId: string): boolean {
    return this.companies.get(companyId)?.installToFutureLocations ?? false;
  }

  private checkLocations(companyId: string, locationIds: readonly string[]): void {
    if (typeof companyId !== 'string' || companyId === '') throw new SandboxOptionsError('Expected `companyId` to be a non-empty string');
    if (!Array.isArray(locationIds)) throw new SandboxOptionsError('Expected `locationIds` to be a list of location ids');
    for (const id of locationIds) {
      const owner = this.companyOf(id);
      if (owner === undefined) throw new SandboxOptionsError(`Cannot install the app in location ${String(id)}: the sandbox has no such location`);
      if (owner !== companyId) throw new SandboxOptionsError(`Cannot install the app in location ${id} for company ${companyId}: the location belongs to company ${owner}`);
    }
  }
}
