import type { FieldWidget } from './schema-tools.js';

const isExpression = (text: string) => text.startsWith('=');

/** How a field's value is shown in its text box. */
export function displayValue(value: unknown, widget: FieldWidget): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (widget === 'list' && Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The value a text box's text stands for: an `=expression` stays a string; a number field's digits a number; a list's commas items; empty nothing. */
export function parseValue(text: string, widget: FieldWidget): unknown {
  if (text === '') return undefined;
  if (isExpression(text)) return text;
  if (widget === 'number') {
    const number = Number(text);
    return text.trim() !== '' && Number.isFinite(number) ? number : text;
  }
  if (widget === 'list') {
    const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
    return items.length > 0 ? items : undefined;
  }
  return text;
}
