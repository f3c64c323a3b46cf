import { closestNames, type IdentifiedEvent, type Logger, type OperationDescriptor } from '@flowline/core';
import { customerIdOf, deliveryIdentity } from './delivery-identity.js';
import { isEventName, MAX_EVENT_NAME_LENGTH } from './event-name.js';
import { exceedsJsonDepth } from './json-depth.js';
import { boundedList } from './log-bounds.js';
import type { PayloadCheck } from './payload-validator.js';
import { stripPrototypeKeys } from './prototype-keys.js';
import { PUSHPRESS_SIGNATURE_HEADER, verifyPushPressSignature } from './signature.js';
import { WebhookRejection } from './webhook-rejection.js';

export interface DeliveryCheckContext {
  readonly secrets: readonly string[];
  readonly triggers: ReadonlyMap<string, OperationDescriptor>;
  readonly checkOf: (event: string) => PayloadCheck;
  readonly maxAgeSeconds: number;
  readonly maxFutureSeconds: number;
  readonly nowMs: number;
  readonly logger: Logger | undefined;
  /**
   * Whether an authentic delivery of an event type no trigger handles is kept (parked) rather
   * than refused: it is then returned with `known: false`, after the freshness checks.
   */
  readonly parksUnknown: boolean;
}

/** A delivery that passed the checks: `known: false` when its event type has no trigger (yet). */
export interface CheckedDelivery {
  readonly event: IdentifiedEvent;
  readonly known: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** PushPress bodies nest about 6 levels deep; anything past this is refused before parsing. */
export const MAX_JSON_DEPTH = 64;

function parseBody(raw: Buffer): Record<string, unknown> {
  if (exceedsJsonDepth(raw, MAX_JSON_DEPTH)) {
    throw new WebhookRejection('malformed_json', `The body nests deeper than ${MAX_JSON_DEPTH} levels.`, {
      hint: 'PushPress deliveries are shallow; check that this is the PushPress webhook endpoint.',
    });
  }
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch (cause) {
    throw new WebhookRejection('malformed_json', 'The body is not valid UTF-8.', { cause });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new WebhookRejection('malformed_json', `The body is not valid JSON: ${detail}`, { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new WebhookRejection('malformed_json', 'The body must be a JSON object `{ event, created, data }`.', {
      pointer: '',
    });
  }
  return parsed as Record<string, unknown>;
}

/** The refusal of an `event` member no trigger handles (and that is not parked). */
function unknownEvent(event: unknown, known: readonly string[]): WebhookRejection {
  if (typeof event !== 'string') {
    return new WebhookRejection('unknown_event', 'The body has no string `event` member.', { pointer: '/event' });
  }
  if (!isEventName(event)) {
    // Not signed, so possibly anyone's: no echo of it beyond a few characters, and no name hints computed over it.
    return new WebhookRejection(
      'unknown_event',
      `The \`event\` member (${event.length} characters) is not a PushPress event name: a few dot-separated words, at most ${MAX_EVENT_NAME_LENGTH} characters.`,
      { pointer: '/event' },
    );
  }
  return new WebhookRejection('unknown_event', `"${event}" is not an event type this receiver handles.`, {
    pointer: '/event',
    hint: `Closest known event types: ${closestNames(event, known).join(', ')}.`,
  });
}

/**
 * Turns the raw bytes of one delivery into the event to submit, or throws the WebhookRejection
 * to answer with. Checks, in order: JSON → signature → event type → schema → freshness. An
 * authentic delivery of an event type no trigger handles is refused, or, with `parksUnknown`,
 * returned with `known: false` once its name is well formed and it is fresh.
 *
 * The signature covers `JSON.stringify(body.data)` of the parsed body, so it is checked on
 * exactly what `JSON.parse` produced, before anything is removed. Only then are
 * `__proto__`/`constructor`/`prototype` keys stripped (see prototype-keys.ts): the payload
 * handed on is the parsed body minus those keys, with every other (unknown) field kept.
 */
export function checkDelivery(raw: Buffer, signature: string | string[] | undefined, context: DeliveryCheckContext): CheckedDelivery {
  const body = parseBody(raw);

  if (!verifyPushPressSignature({ data: body['data'], signature, secrets: context.secrets })) {
    throw new WebhookRejection(
      'invalid_signature',
      signature === undefined
        ? `The \`${PUSHPRESS_SIGNATURE_HEADER}\` header is missing.`
        : `The \`${PUSHPRESS_SIGNATURE_HEADER}\` header does not match the body under any configured signing secret.`,
      { hint: 'Check that the receiver is configured with the webhook\'s current signing secret.' },
    );
  }

  const stripped = stripPrototypeKeys(body);
  if (stripped.length > 0) {
    const { count, first } = boundedList(stripped);
    context.logger?.warn('pushpress webhook: removed prototype-like keys from the payload', { count, pointers: first });
  }

  const event = body['event'];
  const trigger = typeof event === 'string' ? context.triggers.get(event) : undefined;
  const known = trigger !== undefined;
  if (typeof event !== 'string' || (!known && !(context.parksUnknown && isEventName(event)))) {
    throw unknownEvent(event, [...context.triggers.keys()]);
  }

  if (trigger !== undefined) {
    const violations = context.checkOf(event)(body);
    if (violations.length > 0) {
      throw new WebhookRejection('schema_mismatch', `The body does not match the schema of ${trigger.id}.`, {
        pointer: violations[0]?.pointer,
        details: { violations },
      });
    }
  }

  const created = body['created'];
  if (typeof created !== 'number' || !Number.isSafeInteger(created)) {
    throw new WebhookRejection('schema_mismatch', '`created` must be an integer (unix seconds).', { pointer: '/created' });
  }
  const nowSeconds = Math.floor(context.nowMs / 1000);
  if (nowSeconds - created > context.maxAgeSeconds) {
    throw new WebhookRejection(
      'stale_delivery',
      `The delivery was created ${nowSeconds - created} s ago, more than the ${context.maxAgeSeconds} s this receiver accepts.`,
      { pointer: '/created', hint: 'Stale deliveries are refused so that old events are not replayed; raise maxAgeSeconds to accept them.' },
    );
  }
  if (created - nowSeconds > context.maxFutureSeconds) {
    throw new WebhookRejection(
      'future_delivery',
      `The delivery claims to be created ${created - nowSeconds} s in the future (at most ${context.maxFutureSeconds} s of clock skew is accepted).`,
      {
        pointer: '/created',
        hint: created > 1e11 ? '`created` looks like milliseconds; PushPress sends unix seconds.' : 'Check the clocks of sender and receiver.',
      },
    );
  }

  const data = body['data'];
  const orderingKey = customerIdOf(event, data);
  return {
    event: {
      id: deliveryIdentity(event, created, data),
      trigger: trigger?.id ?? `pushpress.${event}`,
      payload: body,
      ...(orderingKey === undefined ? {} : { orderingKey }),
    },
    known,
  };
}
