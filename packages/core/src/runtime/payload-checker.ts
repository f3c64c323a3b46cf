import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { Catalog } from '../catalog/catalog.js';
import { PayloadError } from '../errors/payload-error.js';
import { measureJson } from '../payload/json-byte-length.js';
import { findUnsafeKeys } from '../payload/unsafe-keys.js';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

/**
 * Checks an event payload at the engine's edge: its size, keys that could reach a prototype,
 * and the trigger's payload schema (compiled once per trigger).
 */
export class PayloadChecker {
  readonly #ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  readonly #validators = new Map<string, ValidateFunction | undefined>();
  readonly #catalog: Catalog;
  readonly #maxBytes: number;

  constructor(catalog: Catalog, maxBytes: number) {
    if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new TypeError(`Expected \`maxPayloadBytes\` to be a positive integer, got ${maxBytes}`);
    this.#catalog = catalog;
    this.#maxBytes = maxBytes;
  }

  check(trigger: string, payload: unknown): void {
    const { bytes, unsafeKeys } = measureJson(payload);
    if (bytes > this.#maxBytes) {
      throw new PayloadError('payload.too-large', `The ${trigger} payload is ${bytes} bytes, over the limit of ${this.#maxBytes}`, {
        hint: 'Raise maxPayloadBytes when creating the engine if such events are expected.',
      });
    }
    const unsafe = unsafeKeys ? findUnsafeKeys(payload) : [];
    if (unsafe.length > 0) {
      throw new PayloadError('payload.unsafe-key', `The ${trigger} payload has a key that could reach a prototype at ${unsafe.join(', ')}`, {
        pointer: unsafe[0],
        problems: unsafe.map((pointer) => ({ pointer, message: 'Keys named __proto__, constructor or prototype are refused' })),
      });
    }
    const validate = this.#validator(trigger);
    if (validate && !validate(payload)) {
      const problems = (validate.errors ?? []).map((error) => ({ pointer: error.instancePath, message: error.message ?? 'is not valid' }));
      throw new PayloadError('payload.invalid', `The ${trigger} payload does not match its schema: ${problems.map((problem) => `${problem.pointer || '/'} ${problem.message}`).join('; ')}`, {
        pointer: problems[0]?.pointer,
        problems,
      });
    }
  }

  #validator(trigger: string): ValidateFunction | undefined {
    if (!this.#validators.has(trigger)) {
      const schema = this.#catalog.describe(trigger)?.input;
      this.#validators.set(trigger, schema ? this.#ajv.compile(schema) : undefined);
    }
    return this.#validators.get(trigger);
  }
}
