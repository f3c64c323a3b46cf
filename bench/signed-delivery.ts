import { readFileSync } from 'node:fs';
import { signPushPressData } from './host-dependencies.js';

/** The PushPress body of a `customer.created` webhook, as the receiver expects it. */
export interface CustomerCreatedBody {
  readonly event: 'customer.created';
  readonly created: number;
  readonly data: Record<string, unknown> & { readonly id: string };
}

interface OperationFile {
  readonly sample: { readonly data: Record<string, unknown> };
}

/** The `sample` of schemas/operations/pushpress/customer.created.json (valid against its `input`). */
const SAMPLE_DATA: Readonly<Record<string, unknown>> = (
  JSON.parse(readFileSync(new URL('../schemas/operations/pushpress/customer.created.json', import.meta.url), 'utf8')) as OperationFile
).sample.data;

/** The signing secret the benchmark host is configured with (not a secret: loopback only). */
export const BENCH_SIGNING_SECRET = 'bench-signing-secret-not-a-secret';

/**
 * The `n`th delivery: the sample customer with its own `data.id` (so each delivery is new, and
 * its own ordering key, so deliveries run in parallel), its own email, and `created` now (fresh).
 */
export function customerCreatedBody(n: number, nowMs: number = Date.now()): CustomerCreatedBody {
  const id = `usr_bench_${n}`;
  return {
    event: 'customer.created',
    created: Math.floor(nowMs / 1000),
    data: { ...SAMPLE_DATA, id, email: `member.${n}@example.com`, account: { type: 'primary', primaryCustomerId: id } },
  };
}

export interface SignedDelivery {
  readonly body: string;
  /** The `webhook-signature` header: hex HMAC-SHA256 of `JSON.stringify(body.data)`. */
  readonly signature: string;
}

export function signedDelivery(n: number, secret: string = BENCH_SIGNING_SECRET): SignedDelivery {
  const body = customerCreatedBody(n);
  return { body: JSON.stringify(body), signature: signPushPressData(body.data, secret) };
}
