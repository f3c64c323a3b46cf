import { readFileSync } from 'node:fs';
import type { JsonSchema, OperationDescriptor } from '@flowline/core';
import { PUSHPRESS_EVENT_NAMES, triggerIdOf } from './events.js';

// Interim source of the 23 trigger descriptors, read straight from the reference webhook schemas.
// To be replaced by the generated catalog (`pushpressTriggers` in ../operations/) once it lands.
const WEBHOOKS_DIR = new URL('../../reference/pushpress/webhooks/', import.meta.url);

let cached: readonly OperationDescriptor[] | undefined;

/** One trigger descriptor per PushPress event, with the reference webhook schema as `input`. */
export function referencePushPressTriggers(): readonly OperationDescriptor[] {
  cached ??= PUSHPRESS_EVENT_NAMES.map((event): OperationDescriptor => {
    const input = JSON.parse(readFileSync(new URL(`${event}.json`, WEBHOOKS_DIR), 'utf8')) as JsonSchema;
    return {
      id: triggerIdOf(event),
      kind: 'trigger',
      connector: 'pushpress',
      title: `PushPress: ${event}`,
      description: typeof input['description'] === 'string' ? input['description'] : undefined,
      input,
    };
  });
  return cached;
}
