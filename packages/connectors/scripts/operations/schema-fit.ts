import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Json, JsonObject } from './json-types.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Checks candidate values against parts of one root schema (its `definitions` stay reachable). */
export class SchemaFit {
  readonly #ajv = addFormats(new Ajv({ strict: false, allErrors: true, validateSchema: false }));
  readonly #compiled = new WeakMap<JsonObject, ValidateFunction>();
  readonly #definitions: Json | undefined;

  constructor(root: JsonObject) {
    this.#definitions = root['definitions'];
  }

  fits(value: Json, schema: JsonObject): boolean {
    return this.#validator(schema)(value) === true;
  }

  /** ajv's error text for a value that does not fit, or undefined when it fits. */
  explain(value: Json, schema: JsonObject): string | undefined {
    const validate = this.#validator(schema);
    return validate(value) === true ? undefined : this.#ajv.errorsText(validate.errors);
  }

  #validator(schema: JsonObject): ValidateFunction {
    let validate = this.#compiled.get(schema);
    if (validate === undefined) {
      const { $schema: _dialect, ...rest } = schema;
      validate = this.#ajv.compile(this.#definitions === undefined ? rest : { ...rest, definitions: this.#definitions });
      this.#compiled.set(schema, validate);
    }
    return validate;
  }
}
