import { describe, expect, it } from 'vitest';
import { settingsFromMessage, settingsFromUrl } from '../src/api/settings.js';
import { nextVersion } from '../src/publish/next-version.js';
import { displayValue, parseValue } from '../src/forms/field-values.js';

describe('page settings', () => {
  it('reads the tenant, token, API and workflow from the URL', () => {
    expect(settingsFromUrl('?tenant=gym-a&token=t.o.k&api=https://h.example/&workflow=sync')).toEqual({ tenant: 'gym-a', token: 't.o.k', api: 'https://h.example', workflow: 'sync' });
    expect(settingsFromUrl('?tenant=gym-a&token=t')).toEqual({ tenant: 'gym-a', token: 't', api: '' });
  });

  it('needs both a tenant and a token', () => {
    expect(settingsFromUrl('?tenant=gym-a')).toBeUndefined();
    expect(settingsFromMessage({ type: 'flowline:init', tenant: 'gym-a' })).toBeUndefined();
    expect(settingsFromMessage({ type: 'other', tenant: 'gym-a', token: 't' })).toBeUndefined();
    expect(settingsFromMessage('flowline:init')).toBeUndefined();
  });

  it('takes a flowline:init message from a parent window', () => {
    expect(settingsFromMessage({ type: 'flowline:init', tenant: 'gym-a', token: 't', api: 'https://h.example' })).toEqual({ tenant: 'gym-a', token: 't', api: 'https://h.example' });
  });
});

describe('the version to publish', () => {
  const saved = (...versions: number[]) => versions.map((version) => ({ workflowId: 'w', version, state: 'published' as const, savedAt: '2026-01-01T00:00:00Z' }));
  it('keeps the definition\'s own version when none is saved at or past it', () => {
    expect(nextVersion(1, [])).toBe(1);
    expect(nextVersion(5, saved(1, 2))).toBe(5);
  });
  it('bumps past the highest saved version', () => {
    expect(nextVersion(1, saved(1))).toBe(2);
    expect(nextVersion(2, saved(1, 3))).toBe(4);
  });
});

describe('field text and values', () => {
  it('keeps an =expression as a string in any field', () => {
    expect(parseValue('=$event.data.email', 'number')).toBe('=$event.data.email');
    expect(parseValue('=$event.data.tags', 'list')).toBe('=$event.data.tags');
  });
  it('makes numbers of a number field, items of a list, and nothing of empty text', () => {
    expect(parseValue('42', 'number')).toBe(42);
    expect(parseValue('pushpress, =$event.data.role,', 'list')).toEqual(['pushpress', '=$event.data.role']);
    expect(parseValue('', 'text')).toBeUndefined();
    expect(displayValue(['a', 'b'], 'list')).toBe('a, b');
  });
});
