import { useEffect, useState } from 'react';
import { FieldError, useFieldProblems } from '../problems/field-problems.js';
import { fieldDomId } from '../problems/problem-fields.js';
import { useEditor } from '../state/editor-context.js';
import { getAt } from '../state/definition.js';
import { FieldLabel } from './FieldLabel.js';

/** Any JSON (an object with free keys, a list of objects): a text area, kept as typed until it parses. */
export function JsonField({ pointer, title, required }: { pointer: string; title: string; required: boolean }) {
  const { state, setField } = useEditor();
  const value = getAt(state.definition, pointer);
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [bad, setBad] = useState('');
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(current === '' ? undefined : JSON.parse(current)) === JSON.stringify(value)) return current;
      } catch {
        // typed text that does not parse yet: replaced by the value from elsewhere
      }
      return value === undefined ? '' : JSON.stringify(value, null, 2);
    });
  }, [value]);
  const { problems, controlProps, errorId } = useFieldProblems(pointer);
  const id = fieldDomId(pointer);
  return (
    <div className="field">
      <FieldLabel htmlFor={id} title={title} required={required} />
      <textarea
        id={id}
        rows={4}
        className="code"
        value={text}
        {...controlProps}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.trim() === '') {
            setBad('');
            setField(pointer, undefined);
            return;
          }
          try {
            setField(pointer, JSON.parse(event.target.value));
            setBad('');
          } catch {
            setBad('Not JSON yet.');
          }
        }}
      />
      {bad ? <p className="field-error">{bad}</p> : null}
      <FieldError id={errorId} problems={problems} />
    </div>
  );
}
