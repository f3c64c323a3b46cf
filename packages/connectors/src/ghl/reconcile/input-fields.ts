/** Typed reads of an operation input (`{ path?, query?, body? }`) that has not been validated yet. */

export type InputPart = 'path' | 'query' | 'body';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `input[part]` when it is an object. */
export function inputPart(input: unknown, part: InputPart): Readonly<Record<string, unknown>> | undefined {
  const value = isRecord(input) ? input[part] : undefined;
  return isRecord(value) ? value : undefined;
}

/** `input[part][field]` when it is a non-empty string. */
export function inputString(input: unknown, part: InputPart, field: string): string | undefined {
  const value = inputPart(input, part)?.[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `input` with `body[field]` replaced by `value`, or `input` unchanged when it has no body object to change. */
export function withBodyField(input: unknown, field: string, value: unknown): unknown {
  const body = inputPart(input, 'body');
  if (!isRecord(input) || body === undefined) return input;
  return { ...input, body: { ...body, [field]: value } };
}

/** `answer[field]` as a list of objects (an empty list when the answer has none). */
export function answerList(answer: unknown, field: string): readonly Readonly<Record<string, unknown>>[] {
  const value = isRecord(answer) ? answer[field] : undefined;
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** `answer[field]` when it is an object with a string `id`. */
export function answerRecord(answer: unknown, field: string): Readonly<Record<string, unknown>> | undefined {
  const value = isRecord(answer) ? answer[field] : undefined;
  return isRecord(value) && typeof value['id'] === 'string' ? value : undefined;
}
