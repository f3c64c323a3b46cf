import type { RequestListener } from 'node:http';

/**
 * One PushPress receiver per tenant (its own signing secrets and sink), made on the tenant's
 * first delivery (about 2 ms and 6 KB each) and made again when its secrets change. A host with
 * a thousand tenants pays for the ones that send.
 */
export class TenantReceivers {
  readonly #make: (tenant: string, secrets: readonly string[]) => RequestListener;
  readonly #made = new Map<string, { readonly secrets: readonly string[]; readonly receiver: RequestListener }>();

  constructor(make: (tenant: string, secrets: readonly string[]) => RequestListener) {
    this.#make = make;
  }

  /** The receiver for a tenant with `secrets` (as the host holds them now); undefined when it has none (no such tenant). */
  receiverOf(tenant: string, secrets: readonly string[] | undefined): RequestListener | undefined {
    if (secrets === undefined) {
      this.#made.delete(tenant);
      return undefined;
    }
    const made = this.#made.get(tenant);
    if (made?.secrets === secrets) return made.receiver;
    const receiver = this.#make(tenant, secrets);
    this.#made.set(tenant, { secrets, receiver });
    return receiver;
  }

  forget(tenant: string): void {
    this.#made.delete(tenant);
  }
}
