import { describe, expect, it } from 'vitest';
import { editorReducer, initialState, type EditorState } from '../src/state/editor-reducer.js';
import type { DefinitionJson } from '../src/state/definition.js';
import { kindOf } from '../src/state/step-kinds.js';

const base: DefinitionJson = { id: 'w', name: 'W', version: 1, trigger: { operation: 'pushpress.customer.created' }, steps: [] };
const action = (id: string) => ({ id, type: 'action', operation: 'ghl.contacts.upsert-contact', connection: 'ghl', input: {} });
const ids = (state: EditorState) => state.definition.steps.map((step) => step.id);

describe('editor reducer', () => {
  it('adds a step at the end of the main list and selects it', () => {
    let state = editorReducer(initialState(base), { type: 'add', step: action('a') });
    state = editorReducer(state, { type: 'add', step: action('b') });
    expect(ids(state)).toEqual(['a', 'b']);
    expect(state.selected).toBe('b');
  });

  it('adds into the branch chosen on the canvas', () => {
    let state = editorReducer(initialState(base), { type: 'add', step: kindOf('if').create('known') });
    state = editorReducer(state, { type: 'target', list: '/steps/0/else' });
    state = editorReducer(state, { type: 'add', step: action('upsert') });
    expect(state.definition.steps[0]?.else).toEqual([action('upsert')]);
    // With a step of the branch selected, the next one goes to the same branch.
    state = editorReducer(state, { type: 'add', step: action('remember') });
    expect((state.definition.steps[0]?.else as { id: string }[]).map((step) => step.id)).toEqual(['upsert', 'remember']);
  });

  it('undoes and redoes adds, moves and deletes', () => {
    let state = editorReducer(initialState(base), { type: 'add', step: action('a') });
    state = editorReducer(state, { type: 'add', step: action('b') });
    state = editorReducer(state, { type: 'move', delta: -1 });
    expect(ids(state)).toEqual(['b', 'a']);
    state = editorReducer(state, { type: 'delete' });
    expect(ids(state)).toEqual(['a']);
    state = editorReducer(state, { type: 'undo' });
    expect(ids(state)).toEqual(['b', 'a']);
    state = editorReducer(state, { type: 'undo' });
    expect(ids(state)).toEqual(['a', 'b']);
    state = editorReducer(state, { type: 'redo' });
    expect(ids(state)).toEqual(['b', 'a']);
  });

  it('makes typing into one field a single undo step, and a new edit clears redo', () => {
    let state = editorReducer(initialState(base), { type: 'edit', definition: { ...base, name: 'W1' }, key: '/name' });
    state = editorReducer(state, { type: 'edit', definition: { ...base, name: 'W12' }, key: '/name' });
    state = editorReducer(state, { type: 'edit', definition: { ...base, name: 'W12', id: 'x' }, key: '/id' });
    state = editorReducer(state, { type: 'undo' });
    expect(state.definition.name).toBe('W12');
    state = editorReducer(state, { type: 'undo' });
    expect(state.definition.name).toBe('W');
    state = editorReducer(state, { type: 'edit', definition: { ...base, name: 'Z' }, key: '/name' });
    expect(state.future).toEqual([]);
    expect(editorReducer(state, { type: 'redo' })).toBe(state);
  });

  it('moving past the end of a list changes nothing', () => {
    const state = editorReducer(initialState(base), { type: 'add', step: action('a') });
    const moved = editorReducer(state, { type: 'move', delta: 1 });
    expect(moved.definition).toBe(state.definition);
  });
});
