import { ActionError } from '@flowline/core';

/** A request would reach an address the host does not allow (loopback, private, link-local, ...): refused before connecting. */
export class BlockedAddressError extends ActionError {
  override readonly name: string = 'BlockedAddressError';
  readonly host: string;
  readonly address: string;

  constructor(host: string, address: string, why: string) {
    const resolved = host === address ? `${address} is ${why}` : `${host} resolves to ${address}, ${why}`;
    super('permission', `flowline.http.request refused to connect: ${resolved}`, {
      hint: 'Only public addresses are reached. A host that must reach this one allows it (http.allowPrivateNetworks, or http.allowHosts naming it).',
    });
    this.host = host;
    this.address = address;
  }
}
