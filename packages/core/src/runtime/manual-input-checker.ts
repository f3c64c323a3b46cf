import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { FlowlineError } from '../errors/flowline-error.js';
import { PayloadError } from '../errors/payload-error.js';
import type { WorkflowDefinition } from '../generated/workflow.js';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

/**
 * Checks the payload of a manual run against its workflow's declared input (`trigger.input`, a
 * JSON Schema), compiled once per definition. A payload that does not match is a PayloadError
 * (`payload.invalid`) whose problems name each place by its JSON pointer into the payload.
 */
export class ManualInputChecker {
  readonly #ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  readonly #validators = new WeakMap<WorkflowDefinition, ValidateFunction | undefined>();

  check(definition: WorkflowDefinition, payload: unknown): void {
    const validate = this.#validator(definition);
    if (!validate || validate(payload)) return;
    const problems = (validate.errors ?? []).map((error) => {
      const missing = error.keyword === 'required' ? `/${String((error.params as { missingProperty?: string }).missingProperty ?? '')}` : '';
      return { pointer: `${error.instancePath}${missing}`, message: error.message ?? 'is not valid' };
    });
    throw new PayloadError('payload.invalid', `The payload does not match the input workflow "${definition.id}" declares: ${problems.map((problem) => `${problem.pointer || '/'} ${problem.message}`).join('; ')}`, {
      pointer: problems[0]?.pointer ?? '',
      problems,
      hint: 'Send a payload that matches the workflow\'s trigger.input schema.',
    });
  }

  #validator(definition: WorkflowDefinition): ValidateFunction | undefined {
    if (!this.#validators.has(definition)) {
      const schema = definition.trigger.input;
      let validate: ValidateFunction | undefined;
      try {
        validate = schema === undefined ? undefined : this.#ajv.compile(schema);
      } catch (error) {
        throw new FlowlineError('manual.bad-input-schema', `The trigger.input of workflow "${definition.id}" is not a JSON Schema ajv can compile: ${error instanceof Error ? error.message : String(error)}`, {
          pointer: '/trigger/input',
          cause: error,
          hint: 'Fix the schema (draft-07 keywords), then publish the workflow again.',
        });
      }
      this.#validators.set(definition, validate);
    }
    return this.#validators.get(definition);
  }
}
