import { describe, expect, it } from 'vitest';
import { fieldDomId, fieldFor, placeOf, problemsByField } from '../src/problems/problem-fields.js';
import type { DefinitionJson } from '../src/state/definition.js';

const fields = new Set(['/name', '/steps/1/then/0/input/body/email', '/steps/1/then/0/input/body/locationId', '/steps/1/then/0/input/body/tags']);
const definition: DefinitionJson = {
  id: 'w',
  version: 1,
  trigger: { operation: 'pushpress.customer.created' },
  steps: [
    { id: 'link', type: 'action' },
    { id: 'known', type: 'if', condition: 'true', then: [{ id: 'upsert', type: 'action', input: { body: {} } }], else: [] },
  ],
};

describe('problem pointer to field', () => {
  it('shows a problem at the field its pointer names', () => {
    expect(fieldFor({ pointer: '/steps/1/then/0/input/body/email', message: 'JSONata syntax error' }, fields)).toBe('/steps/1/then/0/input/body/email');
  });

  it('shows a bad list item at the list', () => {
    expect(fieldFor({ pointer: '/steps/1/then/0/input/body/tags/2', message: 'bad' }, fields)).toBe('/steps/1/then/0/input/body/tags');
  });

  it('shows a missing required property at that property', () => {
    expect(fieldFor({ pointer: '/steps/1/then/0/input/body', message: 'Missing required property "locationId"' }, fields)).toBe('/steps/1/then/0/input/body/locationId');
    expect(fieldFor({ pointer: '', message: 'Missing required property "name"' }, fields)).toBe('/name');
  });

  it('finds no field for a problem outside the form', () => {
    expect(fieldFor({ pointer: '/steps/0/retry', message: 'bad' }, fields)).toBeUndefined();
  });

  it('places a problem in the deepest step that holds it', () => {
    expect(placeOf(definition, { pointer: '/steps/1/then/0/input/body', message: '' }).stepId).toBe('upsert');
    expect(placeOf(definition, { pointer: '/steps/1/condition', message: '' }).stepId).toBe('known');
    expect(placeOf(definition, { pointer: '/trigger/operation', message: '' }).stepId).toBeNull();
  });

  it('groups problems by field and gives each field a DOM id safe in a selector', () => {
    const grouped = problemsByField([{ pointer: '/name', message: 'a' }, { pointer: '/name', message: 'b' }], fields);
    expect(grouped.get('/name')?.map((problem) => problem.message)).toEqual(['a', 'b']);
    expect(fieldDomId('/steps/0/input/body/first name')).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
