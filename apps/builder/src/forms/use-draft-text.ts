import { useEffect, useState } from 'react';
import { displayValue, parseValue } from './field-values.js';
import type { FieldWidget } from './schema-tools.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A text box's text for a value: kept as typed while it still stands for the value ("a, " for
 * ["a"]), and replaced when the value changes from elsewhere (undo, the data picker).
 */
export function useDraftText(value: unknown, widget: FieldWidget): [string, (text: string) => unknown] {
  const [text, setText] = useState(() => displayValue(value, widget));
  useEffect(() => {
    setText((current) => (same(parseValue(current, widget), value) ? current : displayValue(value, widget)));
  }, [value, widget]);
  const change = (next: string) => {
    setText(next);
    return parseValue(next, widget);
  };
  return [text, change];
}
