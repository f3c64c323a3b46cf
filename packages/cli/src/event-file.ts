import { FlowlineError, type TriggerEvent } from '@flowline/core';
import { deliveryIdentity } from '@flowline/connectors';

/**
 * An event file is either a PushPress webhook body (`{ event, created, data }`) or a trigger
 * event (`{ trigger, payload, id? }`) for any connector.
 */
export function toTriggerEvent(document: unknown, file: string): TriggerEvent {
  if (document !== null && typeof document === 'object' && !Array.isArray(document)) {
    const record = document as Record<string, unknown>;
    if (typeof record['trigger'] === 'string' && 'payload' in record) {
      return { trigger: record['trigger'], payload: record['payload'], ...(typeof record['id'] === 'string' ? { id: record['id'] } : {}) };
    }
    const { event, created, data } = record;
    if (typeof event === 'string') {
      return { trigger: `pushpress.${event}`, payload: document, ...(typeof created === 'number' ? { id: deliveryIdentity(event, created, data) } : {}) };
    }
  }
  throw new FlowlineError('cli.bad-event', `${file} is neither a PushPress webhook body ({ event, created, data }) nor a trigger event ({ trigger, payload })`, {
    pointer: '',
    hint: 'See examples/*/events/ for event files.',
  });
}
