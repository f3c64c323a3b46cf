import { clone, isJsonObject, type Json } from './json-types.js';

/** Hand-written parts of samples, deep-merged over the synthesized ones (arrays are replaced). */
export interface SamplePatch {
  readonly input?: Json;
  readonly output?: Json;
}

export function applySamplePatch(value: Json, patch: Json | undefined): Json {
  if (patch === undefined) return value;
  if (!isJsonObject(value) || !isJsonObject(patch)) return clone(patch);
  const out = { ...value };
  for (const [key, part] of Object.entries(patch)) {
    const current = out[key];
    out[key] = current === undefined ? clone(part) : applySamplePatch(current, part);
  }
  return out;
}

export const samplePatches: Readonly<Record<string, SamplePatch>> = {};
