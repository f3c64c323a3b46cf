import { useState } from 'react';
import { FieldError, useFieldProblems } from '../problems/field-problems.js';
import { fieldDomId } from '../problems/problem-fields.js';
import { useEditor } from '../state/editor-context.js';
import { getAt } from '../state/definition.js';
import { DataPicker } from './DataPicker.js';
import { FieldLabel } from './FieldLabel.js';
import { FieldPreview } from './FieldPreview.js';
import type { FieldWidget } from './schema-tools.js';
import { useDraftText } from './use-draft-text.js';

export interface MappingFieldProps {
  readonly pointer: string;
  readonly title: string;
  readonly required: boolean;
  readonly widget: FieldWidget;
  readonly description?: string;
  readonly warning?: string;
  readonly multiline?: boolean;
}

/** A field that takes a literal or an `=expression`, with a data picker and a live preview. */
export function MappingField({ pointer, title, required, widget, description, warning, multiline }: MappingFieldProps) {
  const { state, setField } = useEditor();
  const value = getAt(state.definition, pointer);
  const [text, change] = useDraftText(value, widget);
  const [picking, setPicking] = useState(false);
  const { problems, controlProps, errorId } = useFieldProblems(pointer);
  const id = fieldDomId(pointer);
  const hintId = `${id}-hint`;
  const describedBy = [controlProps['aria-describedby'], description || warning ? hintId : undefined].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: text,
    onChange: (event: { target: { value: string } }) => setField(pointer, change(event.target.value)),
    ...controlProps,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
    placeholder: widget === 'list' ? 'a, b or =expression' : 'text or =expression',
  };
  return (
    <div className="field mapping-field">
      <FieldLabel htmlFor={id} title={title} required={required} />
      <div className="field-row">
        {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
        <button type="button" aria-expanded={picking} onClick={() => setPicking(!picking)}>
          Pick data for {title}
        </button>
      </div>
      {description || warning ? (
        <p id={hintId} className="muted hint">
          {warning ? <strong className="warning">{warning} </strong> : null}
          {description}
        </p>
      ) : null}
      <FieldError id={errorId} problems={problems} />
      <FieldPreview title={title} value={value} />
      {picking ? (
        <DataPicker
          pointer={pointer}
          title={title}
          onPick={(expression) => {
            setField(pointer, expression);
            setPicking(false);
            document.getElementById(id)?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
