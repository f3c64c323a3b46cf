import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ActionError } from '@flowline/core';
import { forbiddenRange } from './address-policy.js';
import { BlockedAddressError } from './blocked-address-error.js';

/** Every address a host name resolves to. Tests give one that maps names to chosen addresses. */
export type ResolveHost = (hostname: string) => Promise<readonly string[]>;

export const systemResolve: ResolveHost = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

export interface AddressGuardOptions {
  /** Reach loopback, private and link-local addresses too (a host on a private network, tests). Default false. */
  readonly allowPrivateNetworks?: boolean;
  /** Host names or IP addresses reached whatever they resolve to (e.g. `localhost` for a sandbox). */
  readonly allowHosts?: readonly string[];
  readonly resolve?: ResolveHost;
}

/**
 * Resolves a host name once and checks every address it gives; the first one is what the
 * connection goes to, so the address checked is the address used (no second resolution).
 */
export function createAddressGuard(options: AddressGuardOptions = {}): (hostname: string) => Promise<string> {
  const resolve = options.resolve ?? systemResolve;
  const allowed = new Set((options.allowHosts ?? []).map((host) => host.toLowerCase()));
  const allowAll = options.allowPrivateNetworks === true;
  return async (hostname) => {
    const host = hostname.toLowerCase();
    let addresses: readonly string[];
    if (isIP(host) !== 0) addresses = [host];
    else {
      try {
        addresses = await resolve(host);
      } catch (error) {
        throw new ActionError('network', `flowline.http.request could not resolve ${host}`, { cause: error, hint: 'Check the host name in the URL.' });
      }
    }
    const first = addresses[0];
    if (first === undefined) throw new ActionError('network', `flowline.http.request could not resolve ${host}: no addresses`, { hint: 'Check the host name in the URL.' });
    if (allowAll || allowed.has(host)) return first;
    for (const address of addresses) {
      const why = forbiddenRange(address);
      if (why !== undefined && !allowed.has(address)) throw new BlockedAddressError(host, address, why);
    }
    return first;
  };
}
