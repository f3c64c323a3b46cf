import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { NOT_DIRECT, compileDirect, type DirectEvaluator } from '../src/expressions/direct-evaluator.js';
import { ExpressionCompiler } from '../src/index.js';

/**
 * The direct evaluator must give JSONata's own answer or step aside. Each check evaluates an
 * expression both ways, on the same data, and compares values (and error codes, where JSONata
 * throws and the direct path has to hand over).
 */

const OPTIONS = { maxDepth: 300, maxSequence: 100_000, registeredFunctions: new Set(['toE164']) };

function direct(source: string): DirectEvaluator {
  const evaluator = compileDirect(jsonata(source).ast(), OPTIONS);
  if (!evaluator) throw new Error(`Expected \`${source}\` to compile directly`);
  return evaluator;
}

type Outcome = { readonly value: string } | { readonly error: string };

/** A comparable form of a result: JSON text (arrays and objects by content), `undefined` spelled out. */
function outcome(value: unknown): Outcome {
  return { value: value === undefined ? 'undefined' : `${Array.isArray(value) ? 'array' : typeof value}:${JSON.stringify(value)}` };
}

async function byJsonata(source: string, input: unknown, bindings: Record<string, unknown>): Promise<Outcome> {
  try {
    return outcome(await jsonata(source).evaluate(input, bindings));
  } catch (error) {
    return { error: String((error as { code?: string }).code) };
  }
}

const compiler = new ExpressionCompiler();

async function byEngine(source: string, input: unknown, bindings: Record<string, unknown>): Promise<Outcome> {
  try {
    return outcome(await compiler.compile(source, '/p').evaluate(input, bindings, '/p'));
  } catch (error) {
    return { error: String((error as { jsonataCode?: string }).jsonataCode) };
  }
}

const customer = {
  id: 'usr_1',
  email: '  Ann.Lee@Example.COM \t',
  name: { first: ' Ann ', last: 'Lee\n', nickname: null },
  phone: null,
  role: 'member',
  age: 34,
  ratio: 0.1 + 0.2,
  active: true,
  tags: ['a', 'b'],
  one: ['only'],
  nested: [{ x: 1 }, { x: 2 }],
  empty: '',
  zero: 0,
  marked: { _jsonata_function: true, x: 1 },
  text: 'hello',
  spaced: '\r\n Ann \t\n  Marie\t\u00a0\f',
};

const INPUTS: ReadonlyArray<readonly [string, unknown, Record<string, unknown>]> = [
  ['a customer event', { data: customer }, { event: { data: customer }, vars: { n: 2, s: 'x' } }],
  ['missing fields', { data: {} }, { event: { data: {} }, vars: {} }],
  ['null data', { data: null }, { event: { data: null }, vars: null }],
  ['an array where an object was expected', [{ data: customer }, { data: customer }], { event: [{ data: customer }], vars: [1, 2] }],
  ['scalars where objects were expected', { data: 'text' }, { event: 5, vars: 'x' }],
  ['a binding that shadows a built-in function', { data: customer }, { event: { data: customer }, trim: 'not a function', vars: {} }],
  ['undefined input', undefined, { event: undefined }],
];

const EXPRESSIONS = [
  '$event.data.email',
  '$lowercase($trim($event.data.email))',
  '$trim($event.data.name.first)',
  '$uppercase($event.data.name.last)',
  '$trim($event.data.name.last)',
  '$trim($event.data.spaced)',
  '$event.data.phone',
  '["pushpress", $event.data.role]',
  '["pushpress", $event.data.tags]',
  '[[1, 2], $event.data.missing, "x"]',
  '[]',
  '$event.data.tags',
  '$event.data.one',
  '$event.data.nested.x',
  '$event.data.marked.x',
  '$event.data.name',
  '$event',
  '$',
  'data.email',
  'data.name.first & " " & data.name.last',
  '$event.data.age & "/" & $event.data.ratio & "/" & $event.data.active & "/" & $event.data.phone',
  '$event.data.name & "x"',
  '$event.data.role = "member"',
  '$event.data.role != "member"',
  '$event.data.missing = null',
  '$event.data.phone = null',
  '$event.data.tags = "a"',
  '$event.data.age > 30',
  '$event.data.age <= "30"',
  '$event.data.text < "world"',
  '$event.data.age < 34',
  '$event.data.age <= 34',
  '$event.data.age > 34',
  '$event.data.age >= 34',
  '$event.data.text < "hello" or $event.data.text > "hello"',
  '$event.data.missing < 3',
  '$event.data.name > 1',
  '$event.data.active and $event.data.age > 3',
  '$event.data.empty or $event.data.zero',
  '$event.data.tags and true',
  '$event.data.role = "member" ? "yes" : "no"',
  '$event.data.missing ? "yes"',
  '$exists($event.data.phone)',
  '$exists($event.data.missing)',
  '$string($event.data.age)',
  '$string($event.data.ratio)',
  '$string($event.data.name)',
  '$boolean($event.data.empty)',
  '$boolean($event.data.text)',
  '$trim($event.data.age)',
  '$lowercase($event.data.tags)',
  '$trim($event.data.missing)',
  '$vars.n',
  '$vars.s & $vars.n',
  'null',
  'true',
  '"literal"',
  '42',
];

describe('direct evaluation of simple JSONata', () => {
  it('compiles every expression of the corpus directly (so the comparisons below test the direct path)', () => {
    for (const source of EXPRESSIONS) expect(compileDirect(jsonata(source).ast(), OPTIONS), source).toBeTypeOf('function');
  });

  for (const [label, input, bindings] of INPUTS) {
    it(`gives JSONata's own result or error for every expression, on ${label}`, async () => {
      for (const source of EXPRESSIONS) {
        expect(await byEngine(source, input, bindings), source).toEqual(await byJsonata(source, input, bindings));
      }
    });
  }

  it('answers the common mapping shapes itself, without JSONata', () => {
    const bindings = { event: { data: customer } };
    expect(direct('$lowercase($trim($event.data.email))')(undefined, bindings)).toBe('ann.lee@example.com');
    expect(direct('["pushpress", $event.data.role]')(undefined, bindings)).toEqual(['pushpress', 'member']);
    expect(direct('$event.data.tags')(undefined, bindings)).toBe(customer.tags);
    expect(direct('$event.data.role = "member" and $event.data.age >= 18')(undefined, bindings)).toBe(true);
  });

  it('hands over to JSONata when a path meets an array, a value JSONata rejects, or a shadowed function', () => {
    expect(direct('$event.data.nested.x')(undefined, { event: { data: customer } })).toBe(NOT_DIRECT);
    expect(direct('$trim($event.data.age)')(undefined, { event: { data: customer } })).toBe(NOT_DIRECT);
    expect(direct('$trim($event.data.email)')(undefined, { event: { data: customer }, trim: 1 })).toBe(NOT_DIRECT);
    expect(direct('$event.data.age > "1"')(undefined, { event: { data: customer } })).toBe(NOT_DIRECT);
  });

  it('leaves expressions outside the subset to JSONata entirely', () => {
    for (const source of ['$event.data.tags[0]', 'data.*', '$sum(data.nested.x)', '$toE164(data.phone)', '{"a": 1}', '($x := 1; $x)', '(1; 2)', 'a.b[]', '$trim()', '$event.$other', '-data.age', '1 + 2', 'data.a in ["x"]']) {
      expect(compileDirect(jsonata(source).ast(), OPTIONS), source).toBeUndefined();
    }
  });

  it('leaves an expression nested near the depth limit to JSONata, which enforces it', () => {
    const deep = `${'$trim('.repeat(40)}$event.x${')'.repeat(40)}`;
    expect(compileDirect(jsonata(deep).ast(), { ...OPTIONS, maxDepth: 50 })).toBeUndefined();
    expect(compileDirect(jsonata(deep).ast(), OPTIONS)).toBeTypeOf('function');
  });

  it('agrees with JSONata on randomly built expressions over randomly shaped data', async () => {
    const random = seededRandom(20261127);
    let answeredDirectly = 0;
    const rounds = 1_000;
    for (let round = 0; round < rounds; round += 1) {
      const source = randomExpression(random, 3);
      const data = randomValue(random, 3);
      const bindings = { event: randomValue(random, 3), vars: data };
      expect(await byEngine(source, data, bindings), source).toEqual(await byJsonata(source, data, bindings));
      if (direct(source)(data, bindings) !== NOT_DIRECT) answeredDirectly += 1;
    }
    // Most of them, so the comparison covers the direct path and not only the hand-over.
    expect(answeredDirectly).toBeGreaterThan(rounds / 2);
  });
});

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const FIELDS = ['a', 'b', 'c'];

function randomValue(random: () => number, depth: number): unknown {
  const kind = Math.floor(random() * (depth > 0 ? 10 : 7));
  switch (kind) {
    case 0: return null;
    case 1: return pick(random, ['', ' x  Y ', '\tA\r\nb ', 'abc', 'B']);
    case 2: return pick(random, [0, 1, -2.5, 0.1 + 0.7, 1e21]);
    case 3: return random() < 0.5;
    case 4: return undefined;
    case 5: return pick(random, ['a', 'b']);
    case 6: return 3;
    case 7:
    case 8: return Object.fromEntries(FIELDS.filter(() => random() < 0.7).map((field) => [field, randomValue(random, depth - 1)]));
    default: return Array.from({ length: Math.floor(random() * 3) }, () => randomValue(random, depth - 1));
  }
}

function randomPath(random: () => number): string {
  const start = pick(random, ['$event', '$vars', '$', '']);
  const names = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, FIELDS));
  return start === '' ? names.join('.') : `${start}.${names.join('.')}`;
}

function randomExpression(random: () => number, depth: number): string {
  const kind = Math.floor(random() * (depth > 0 ? 12 : 3));
  const sub = () => randomExpression(random, depth - 1);
  switch (kind) {
    case 0:
    case 1: return randomPath(random);
    case 2: return pick(random, ['"x"', '" a "', '1', '2.5', 'true', 'null', '$event', '$']);
    case 3: return `$${pick(random, ['lowercase', 'uppercase', 'trim', 'exists', 'string', 'boolean'])}(${sub()})`;
    case 4: return `(${sub()} & ${sub()})`;
    case 5: return `(${sub()} ${pick(random, ['=', '!='])} ${sub()})`;
    case 6: return `(${sub()} ${pick(random, ['<', '<=', '>', '>='])} ${sub()})`;
    case 7: return `(${sub()} ${pick(random, ['and', 'or'])} ${sub()})`;
    case 8: return `[${Array.from({ length: Math.floor(random() * 3) }, sub).join(', ')}]`;
    case 9: return `(${sub()} ? ${sub()} : ${sub()})`;
    case 10: return `(${sub()} ? ${sub()})`;
    default: return randomPath(random);
  }
}
