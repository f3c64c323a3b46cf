import { closestNames } from '../catalog/closest-names.js';
import type { JsonSchema } from '../connectors/operation.js';
import type { ExpressionCompiler, ExpressionNode } from '../expressions/expression-compiler.js';
import { childPointer, TEMPLATE_KEY } from '../expressions/mapping.js';
import type { Mapping } from '../generated/workflow.js';
import { schemaViolations, UnknownValue, type SchemaViolation } from './input-schema-check.js';
import type { ValidationProblem } from './validation-problem.js';

/** JSONata functions whose result, when there is one, is always of one type. */
const RESULT_TYPES: Readonly<Record<string, 'string' | 'number' | 'boolean'>> = {
  string: 'string',
  uppercase: 'string',
  lowercase: 'string',
  trim: 'string',
  pad: 'string',
  substring: 'string',
  substringBefore: 'string',
  substringAfter: 'string',
  join: 'string',
  formatNumber: 'string',
  formatBase: 'string',
  base64encode: 'string',
  base64decode: 'string',
  encodeUrl: 'string',
  encodeUrlComponent: 'string',
  decodeUrl: 'string',
  decodeUrlComponent: 'string',
  now: 'string',
  toE164: 'string',
  phoneExtension: 'string',
  formatInZone: 'string',
  startOfDayInZone: 'string',
  zoneOffset: 'string',
  length: 'number',
  count: 'number',
  number: 'number',
  round: 'number',
  floor: 'number',
  ceil: 'number',
  abs: 'number',
  millis: 'number',
  boolean: 'boolean',
  not: 'boolean',
  exists: 'boolean',
  contains: 'boolean',
};

type Known = { readonly value: unknown } | { readonly type: 'string' | 'number' | 'boolean' } | undefined;

/** What an expression's AST says of its result: its value (a literal), its type, or nothing. */
function knownResult(node: ExpressionNode | undefined): Known {
  if (!node) return undefined;
  const type = node.type as string;
  if (type === 'string' || type === 'number' || type === 'value') return { value: node.value };
  if (type === 'binary') {
    const operator = String(node.value);
    if (operator === '&') return { type: 'string' };
    if (['+', '-', '*', '/', '%'].includes(operator)) return { type: 'number' };
    if (['=', '!=', '<', '<=', '>', '>=', 'and', 'or', 'in'].includes(operator)) return { type: 'boolean' };
    return undefined;
  }
  if (type === 'function') {
    const procedure = (node as { procedure?: ExpressionNode }).procedure;
    if (procedure?.type === 'variable' && typeof procedure.value === 'string' && Object.hasOwn(RESULT_TYPES, procedure.value)) {
      return { type: RESULT_TYPES[procedure.value] as 'string' | 'number' | 'boolean' };
    }
    return undefined;
  }
  if (type === 'block') {
    const expressions = (node as { expressions?: ExpressionNode[] }).expressions;
    return Array.isArray(expressions) ? knownResult(expressions.at(-1)) : undefined;
  }
  if (type === 'condition') {
    const { then, else: otherwise } = node as { then?: ExpressionNode; else?: ExpressionNode };
    const a = knownResult(then);
    // Without an else, the value is the then branch's or nothing (a dropped field).
    const b = otherwise === undefined ? a : knownResult(otherwise);
    if (!a || !b) return undefined;
    if ('value' in a && 'value' in b && a.value === b.value) return a;
    const typeA = 'type' in a ? a.type : typeof a.value;
    const typeB = 'type' in b ? b.type : typeof b.value;
    return typeA === typeB && (typeA === 'string' || typeA === 'number' || typeA === 'boolean') ? { type: typeA } : undefined;
  }
  return undefined;
}

interface Expansion {
  readonly expressions: ExpressionCompiler;
  readonly templates: Readonly<Record<string, Mapping>>;
  readonly expanding: Set<string>;
  /** Objects whose keys include a template's that could not be known. */
  readonly open: Set<object>;
}

function expressionValue(source: string, expansion: Expansion): unknown {
  let ast: ExpressionNode;
  try {
    ast = expansion.expressions.compile(source, '').ast;
  } catch {
    return new UnknownValue(); // The syntax error is reported on its own.
  }
  const known = knownResult(ast);
  if (!known) return new UnknownValue();
  return 'value' in known ? known.value : new UnknownValue(known.type);
}

/**
 * What a mapping is known to produce before it runs: literal values as they are, expressions as
 * `UnknownValue` (typed when the expression says), `$use` templates expanded (a template that
 * uses itself, or is missing, is unknown).
 */
function partialValue(mapping: Mapping, topLevel: boolean, expansion: Expansion): unknown {
  if (typeof mapping === 'string') return topLevel || mapping.startsWith('=') ? expressionValue(mapping, expansion) : mapping;
  if (Array.isArray(mapping)) return mapping.map((item) => partialValue(item, false, expansion));
  if (mapping === null || typeof mapping !== 'object') return mapping;
  const record = mapping as Readonly<Record<string, Mapping>>;
  const keys = Object.keys(record).filter((key) => key !== TEMPLATE_KEY);
  const name = record[TEMPLATE_KEY];
  let result: Record<string, unknown> = {};
  let open = false;
  if (typeof name === 'string') {
    let base: unknown;
    if (!Object.hasOwn(expansion.templates, name) || expansion.expanding.has(name)) {
      base = new UnknownValue();
    } else {
      expansion.expanding.add(name);
      base = partialValue(expansion.templates[name] as Mapping, true, expansion);
      expansion.expanding.delete(name);
    }
    // As the mapping compiler does: an object template's fields, then the mapping's own; a
    // template that is not an object stands alone when the mapping has no fields of its own.
    if (keys.length === 0 && !(base !== null && typeof base === 'object' && !Array.isArray(base) && !(base instanceof UnknownValue))) return base;
    if (base instanceof UnknownValue) open = true;
    else if (base !== null && typeof base === 'object' && !Array.isArray(base)) {
      result = { ...(base as Record<string, unknown>) };
      open = expansion.open.has(base);
    }
  }
  for (const key of keys) {
    const value = partialValue(record[key] as Mapping, false, expansion);
    if (key === '__proto__') Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
    else result[key] = value;
  }
  if (open) expansion.open.add(result);
  return result;
}

export interface InputProblemOptions {
  readonly expressions: ExpressionCompiler;
  readonly templates: Readonly<Record<string, Mapping>>;
}

/**
 * The problems of an action step's `input` mapping against its operation's input schema, where
 * they can be known before the run: literal values, and expressions whose result is a literal or
 * of a known type. Each problem points at the field (`/steps/2/input/body/title`); a missing
 * required key at the object that lacks it. A step without `input` sends `{}`.
 */
export function inputProblems(schema: JsonSchema, mapping: Mapping | undefined, pointer: string, options: InputProblemOptions): ValidationProblem[] {
  const expansion: Expansion = { expressions: options.expressions, templates: options.templates, expanding: new Set(), open: new Set() };
  const value = mapping === undefined ? {} : partialValue(mapping, true, expansion);
  const violations = schemaViolations(schema, value, { open: expansion.open });
  // A failed anyOf/oneOf stands for its branches' violations: one problem, not one per branch.
  const combined = violations.filter((violation) => violation.branches !== undefined).map((violation) => violation.schemaPath);
  const problems = violations
    .filter((violation) => !combined.some((path) => violation.schemaPath.startsWith(`${path}/`)))
    .map((violation) => toProblem(violation, pointer));
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describe(value: unknown): string {
  if (value instanceof UnknownValue) return `an expression giving a ${value.type ?? 'value'}`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

const NAMES: Readonly<Record<string, string>> = { string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false', object: 'an object', array: 'a list', null: 'null' };

function typeNames(types: readonly string[]): string {
  const names = [...new Set(types)].map((type) => NAMES[type] ?? type);
  return names.length <= 1 ? (names[0] ?? 'another value') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** The types a failed anyOf/oneOf allowed, when every branch failed on its type alone. */
function branchTypes(violation: SchemaViolation): string[] | undefined {
  const types: string[] = [];
  for (const found of violation.branches ?? []) {
    const own = found.filter((inner) => inner.instancePath === violation.instancePath);
    if (own.length !== 1 || own[0]?.keyword !== 'type') return undefined;
    types.push(...String(own[0].params['type']).split(','));
  }
  return types;
}

function toProblem(violation: SchemaViolation, base: string): ValidationProblem {
  const pointer = `${base}${violation.instancePath}`;
  const { params } = violation;
  switch (violation.keyword) {
    case 'required':
      return { pointer, code: 'input.missing-property', message: `Missing required property "${String(params['missingProperty'])}"` };
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const properties = violation.schema['properties'];
      const known = properties !== null && typeof properties === 'object' ? Object.keys(properties) : [];
      const closest = closestNames(key, known, 1);
      return {
        pointer: childPointer(pointer, key),
        code: 'input.unknown-property',
        message: `Unknown property "${key}"`,
        ...(closest[0] ? { suggestion: `Did you mean "${closest[0]}"?` } : known.length ? { suggestion: `Known properties: ${known.map((name) => `"${name}"`).join(', ')}.` } : {}),
      };
    }
    case 'type':
      return { pointer, code: 'input.wrong-type', message: `Must be ${typeNames(String(params['type']).split(','))}, not ${describe(violation.data)}` };
    case 'enum':
    case 'const': {
      const allowed = violation.keyword === 'enum' ? (params['allowedValues'] as unknown[]) : [params['allowedValue']];
      const listed = allowed.map((value) => JSON.stringify(value)).join(', ');
      const closest = typeof violation.data === 'string' ? closestNames(violation.data, allowed.filter((value): value is string => typeof value === 'string'), 1) : [];
      return {
        pointer,
        code: 'input.not-in-enum',
        message: `${JSON.stringify(violation.data)} is not one of ${listed}`,
        suggestion: closest[0] ? `Did you mean "${closest[0]}"? Allowed: ${listed}.` : `Use one of ${listed}.`,
      };
    }
    case 'anyOf':
    case 'oneOf': {
      const types = branchTypes(violation);
      if (types) return { pointer, code: 'input.wrong-type', message: `Must be ${typeNames(types)}, not ${describe(violation.data)}` };
      return { pointer, code: 'input.no-match', message: `Value matches none of the forms this field allows` };
    }
    default:
      return { pointer, code: 'input.invalid', message: `Value ${violation.message}` };
  }
}
