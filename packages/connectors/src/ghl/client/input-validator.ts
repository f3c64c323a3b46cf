import { ActionError, type JsonSchema, type OperationDescriptor } from '@flowline/core';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';

// ajv-formats is CommonJS with only a default export; under NodeNext its default import is the module object.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ?? formatsModule) as FormatsPlugin;

/** One violated rule of an input: a JSON pointer into the input and what is wrong there. */
export interface InputViolation {
  readonly pointer: string;
  readonly message: string;
}

function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const child =
    typeof params['missingProperty'] === 'string'
      ? params['missingProperty']
      : typeof params['additionalProperty'] === 'string'
        ? params['additionalProperty']
        : undefined;
  return child === undefined ? error.instancePath : `${error.instancePath}/${child.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return 'is not a known field';
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'enum' && Array.isArray(params['allowedValues'])) {
    return `must be one of ${params['allowedValues'].map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return error.message ?? `fails ${error.keyword}`;
}

/**
 * Validates action inputs against their operation's `input` schema. Each schema is compiled once
 * (per descriptor) and cached; draft 2020-12 schemas (by `$schema`) get the 2020 dialect.
 */
export class InputValidator {
  readonly #compiled = new WeakMap<OperationDescriptor, ValidateFunction>();
  #draft7: Ajv | undefined;
  #draft2020: Ajv2020 | undefined;

  #ajvFor(schema: JsonSchema): Ajv | Ajv2020 {
    const dialect = typeof schema['$schema'] === 'string' ? schema['$schema'] : '';
    const options = { allErrors: true, strict: false, validateFormats: true } as const;
    if (dialect.includes('2020-12')) {
      if (!this.#draft2020) addFormats((this.#draft2020 = new Ajv2020(options)));
      return this.#draft2020;
    }
    if (!this.#draft7) addFormats((this.#draft7 = new Ajv(options)));
    return this.#draft7;
  }

  #compile(operation: OperationDescriptor): ValidateFunction {
    const cached = this.#compiled.get(operation);
    if (cached) return cached;
    const schema = operation.input ?? { type: 'object' };
    const ajv = this.#ajvFor(schema);
    const id = typeof schema['$id'] === 'string' ? schema['$id'] : undefined;
    const validate = (id === undefined ? undefined : ajv.getSchema(id)) ?? ajv.compile(schema);
    this.#compiled.set(operation, validate);
    return validate;
  }

  /** Throws ActionError('validation') naming every violation by JSON pointer; returns the input otherwise. */
  check(operation: OperationDescriptor, input: unknown): void {
    const validate = this.#compile(operation);
    if (validate(input)) return;
    const violations: InputViolation[] = (validate.errors ?? []).map((error) => ({
      pointer: pointerOf(error),
      message: messageOf(error),
    }));
    const first = violations[0];
    const listed = violations
      .slice(0, 5)
      .map((v) => `${v.pointer === '' ? '(input)' : v.pointer} ${v.message}`)
      .join('; ');
    const more = violations.length > 5 ? ` (and ${violations.length - 5} more)` : '';
    throw new ActionError('validation', `Invalid input for ${operation.id}: ${listed}${more}`, {
      ...(first === undefined ? {} : { pointer: first.pointer }),
      details: { operationId: operation.id, violations },
      hint: 'Fix the step input so it matches the operation input schema; nothing was sent to GHL.',
    });
  }
}
