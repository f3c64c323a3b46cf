import { FieldError, useFieldProblems } from '../problems/field-problems.js';
import { fieldDomId } from '../problems/problem-fields.js';
import { useEditor } from '../state/editor-context.js';
import { getAt } from '../state/definition.js';
import { FieldLabel } from './FieldLabel.js';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** A field with fixed choices (an enum, yes/no, or a dynamic list): a select; the value found there is kept even if not listed. */
export function ChoiceField({ pointer, title, required, choices, toValue, status }: { pointer: string; title: string; required: boolean; choices: readonly Choice[]; toValue?: (text: string) => unknown; status?: string }) {
  const { state, setField } = useEditor();
  const value = getAt(state.definition, pointer);
  const current = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const { problems, controlProps, errorId } = useFieldProblems(pointer);
  const id = fieldDomId(pointer);
  const listed = choices.some((choice) => choice.value === current);
  return (
    <div className="field">
      <FieldLabel htmlFor={id} title={title} required={required} />
      <select id={id} value={current} onChange={(event) => setField(pointer, event.target.value === '' ? undefined : (toValue ?? ((text: string) => text))(event.target.value))} {...controlProps}>
        <option value="">{required ? 'Choose…' : '(not set)'}</option>
        {!listed && current !== '' ? <option value={current}>{current}</option> : null}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {status ? <p className="muted hint">{status}</p> : null}
      <FieldError id={errorId} problems={problems} />
    </div>
  );
}
