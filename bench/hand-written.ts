import { addFormats, Ajv, DEFAULT_EXPRESSION_LIMITS, jsonata, type TriggerEvent } from './core-dependencies.js';
import { CONTACT_MAPPING, customerCreatedSchema, upsertContact } from './customer-created.js';

/** Compiles one mapping expression the way the engine does: same JSONata, same bounds. */
function compile(text: string) {
  const { timeoutMs, maxDepth, maxSequence } = DEFAULT_EXPRESSION_LIMITS;
  return jsonata(text.slice(1), { timeout: timeoutMs, stack: maxDepth, sequence: maxSequence });
}

/**
 * The baseline: what a developer would write by hand for the same workflow. The same ajv
 * validation of the payload (same options and formats as the engine), the same JSONata
 * expressions compiled once, the same in-process action. No runs, records, events or machine.
 */
export function createHandWritten(options: { readonly action?: (input: unknown) => unknown } = {}) {
  const action = options.action ?? upsertContact;
  const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(customerCreatedSchema);
  const email = compile(CONTACT_MAPPING.email);
  const firstName = compile(CONTACT_MAPPING.firstName);
  const lastName = compile(CONTACT_MAPPING.lastName);
  const phone = compile(CONTACT_MAPPING.phone);
  const tags = compile(CONTACT_MAPPING.tags);

  return async function handle(event: TriggerEvent): Promise<unknown> {
    const payload = event.payload;
    if (!validate(payload)) {
      throw new Error(`The ${event.trigger} payload does not match its schema: ${JSON.stringify(validate.errors)}`);
    }
    const bindings = { event: payload };
    const values = await Promise.all([
      email.evaluate(payload, bindings),
      firstName.evaluate(payload, bindings),
      lastName.evaluate(payload, bindings),
      phone.evaluate(payload, bindings),
      tags.evaluate(payload, bindings),
    ]);
    const [emailValue, firstNameValue, lastNameValue, phoneValue, tagsValue] = values;
    const input: Record<string, unknown> = {};
    if (emailValue !== undefined) input.email = emailValue;
    if (firstNameValue !== undefined) input.firstName = firstNameValue;
    if (lastNameValue !== undefined) input.lastName = lastNameValue;
    if (phoneValue !== undefined) input.phone = phoneValue;
    if (tagsValue !== undefined) input.tags = tagsValue;
    input.source = CONTACT_MAPPING.source;
    return action(input);
  };
}

/** JSONata's `$trim`: runs of space, tab, CR and LF become one space, then the ends go. */
function trimLikeJsonata(text: string): string {
  return text.replace(/[ \t\n\r]+/g, ' ').replace(/^ /, '').replace(/ $/, '');
}

/**
 * For context, not a goal: the same workflow with the mapping written in plain JavaScript (no
 * JSONata), the same ajv validation and action. What a developer would write without any
 * engine or expression language; the floor under both other paths.
 */
export function createPlainJavaScript(options: { readonly action?: (input: unknown) => unknown } = {}) {
  const action = options.action ?? upsertContact;
  const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(customerCreatedSchema);
  return async function handle(event: TriggerEvent): Promise<unknown> {
    const payload = event.payload;
    if (!validate(payload)) {
      throw new Error(`The ${event.trigger} payload does not match its schema: ${JSON.stringify(validate.errors)}`);
    }
    const { data } = payload as { data: { email?: string; name: { first?: string; last?: string }; phone?: string | null; role?: string } };
    const input: Record<string, unknown> = {};
    if (data.email !== undefined) input.email = trimLikeJsonata(data.email).toLowerCase();
    if (data.name.first !== undefined) input.firstName = trimLikeJsonata(data.name.first);
    if (data.name.last !== undefined) input.lastName = trimLikeJsonata(data.name.last);
    if (data.phone !== undefined) input.phone = data.phone;
    input.tags = data.role === undefined ? ['pushpress'] : ['pushpress', data.role];
    input.source = CONTACT_MAPPING.source;
    return action(input);
  };
}
