import { getAt, pointerOf, pointerTokens, setAt, type DefinitionJson, type StepJson } from './definition.js';
import { kindOf } from './step-kinds.js';

/** A step with where it is: its pointer, the pointer of its list and its index there, and its nesting depth. */
export interface PlacedStep {
  readonly step: StepJson;
  readonly pointer: string;
  readonly list: string;
  readonly index: number;
  readonly depth: number;
}

/** Every step of the definition in document order (a step before the steps nested in it). */
export function walkSteps(definition: DefinitionJson): PlacedStep[] {
  const out: PlacedStep[] = [];
  const visit = (list: string, steps: unknown, depth: number): void => {
    if (!Array.isArray(steps)) return;
    steps.forEach((raw, index) => {
      if (typeof raw !== 'object' || raw === null) return;
      const step = raw as StepJson;
      const pointer = `${list}/${index}`;
      out.push({ step, pointer, list, index, depth });
      for (const nested of kindOf(step.type).lists(step)) visit(pointer + nested.path, getAt(step, nested.path), depth + 1);
      if (Array.isArray(step.onError)) visit(`${pointer}/onError`, step.onError, depth + 1);
    });
  };
  visit('/steps', definition.steps, 0);
  return out;
}

export function findStep(definition: DefinitionJson, id: string): PlacedStep | undefined {
  return walkSteps(definition).find((placed) => placed.step.id === id);
}

/** The step a pointer is in (the deepest step whose pointer is a prefix of it). */
export function stepAtPointer(definition: DefinitionJson, pointer: string): PlacedStep | undefined {
  let found: PlacedStep | undefined;
  for (const placed of walkSteps(definition)) {
    if (pointer === placed.pointer || pointer.startsWith(`${placed.pointer}/`)) {
      if (!found || placed.pointer.length > found.pointer.length) found = placed;
    }
  }
  return found;
}

/** A step id not used yet: the base, else base2, base3… */
export function freshId(definition: DefinitionJson, base: string): string {
  const taken = new Set(walkSteps(definition).map((placed) => placed.step.id));
  const clean = base.replace(/[^A-Za-z0-9_]/g, '') || 'step';
  const start = /^[A-Za-z]/.test(clean) ? clean : `s${clean}`;
  if (!taken.has(start)) return start;
  for (let n = 2; ; n += 1) if (!taken.has(`${start}${n}`)) return `${start}${n}`;
}

export function insertStep(definition: DefinitionJson, list: string, step: StepJson, index?: number): DefinitionJson {
  const current = getAt(definition, list);
  const steps = Array.isArray(current) ? [...current] : [];
  steps.splice(index ?? steps.length, 0, step);
  return setAt(definition, list, steps);
}

export function removeStep(definition: DefinitionJson, pointer: string): DefinitionJson {
  return setAt(definition, pointer, undefined);
}

/** Moves a step up (-1) or down (+1) within its list; at an end it stays. */
export function moveStep(definition: DefinitionJson, pointer: string, delta: number): DefinitionJson {
  const tokens = pointerTokens(pointer);
  const index = Number(tokens.pop());
  const list = pointerOf(tokens);
  const steps = getAt(definition, list);
  if (!Array.isArray(steps)) return definition;
  const target = index + delta;
  if (target < 0 || target >= steps.length) return definition;
  const copy = [...steps];
  const [moved] = copy.splice(index, 1);
  copy.splice(target, 0, moved);
  return setAt(definition, list, copy);
}
