import * as ipaddrModule from 'ipaddr.js';

// ipaddr.js is CommonJS without named exports Node can see: under ESM its functions sit on `default`.
const ipaddr = ((ipaddrModule as unknown as { default?: typeof ipaddrModule }).default ?? ipaddrModule);

/** Ranges (ipaddr.js names) a request may reach: everything else (loopback, private, link-local, ...) is refused by default. */
const PUBLIC_RANGES: ReadonlySet<string> = new Set(['unicast']);

/** Why an address is refused, in words for an error message; undefined when it is a public unicast address. */
export function forbiddenRange(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  let parsed = ipaddr.parse(address);
  // ::ffff:127.0.0.1 and the like reach the IPv4 address they carry.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddrModule.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddrModule.IPv6).toIPv4Address();
  const range = parsed.range();
  if (PUBLIC_RANGES.has(range)) return undefined;
  return RANGE_WORDS[range] ?? `a ${range} address`;
}

const RANGE_WORDS: Readonly<Record<string, string>> = {
  loopback: 'a loopback address',
  private: 'a private-network address',
  linkLocal: 'a link-local address (cloud metadata lives there)',
  uniqueLocal: 'a private-network (unique local) address',
  carrierGradeNat: 'a shared (carrier-grade NAT) address',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved address',
  ipv4Mapped: 'an IPv4-mapped address',
  rfc6145: 'an IPv4-translated address',
  rfc6052: 'an IPv4-embedded (NAT64) address',
  '6to4': 'a 6to4 address',
  teredo: 'a Teredo address',
  benchmarking: 'a benchmarking address',
  amt: 'an AMT address',
  as112: 'an AS112 address',
  deprecated: 'a deprecated address',
  orchid2: 'an ORCHIDv2 address',
  droneRemoteIdProtocolEntityTags: 'a reserved address',
  discard: 'a discard-only address',
};
