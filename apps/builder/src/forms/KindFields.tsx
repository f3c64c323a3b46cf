import { FieldError, useFieldProblems } from '../problems/field-problems.js';
import { fieldDomId } from '../problems/problem-fields.js';
import { useEditor } from '../state/editor-context.js';
import { getAt } from '../state/definition.js';
import type { KindField } from '../state/step-kinds.js';
import { FieldLabel } from './FieldLabel.js';
import { JsonField } from './JsonField.js';
import { MappingField } from './MappingField.js';
import { useDraftText } from './use-draft-text.js';

/** A plain text, JSONata or integer field of a step kind (an if's condition, a set's variable). */
function PlainField({ pointer, field }: { pointer: string; field: KindField }) {
  const { state, setField } = useEditor();
  const widget = field.kind === 'integer' ? 'number' : 'text';
  const [text, change] = useDraftText(getAt(state.definition, pointer), widget);
  const { problems, controlProps, errorId } = useFieldProblems(pointer);
  const id = fieldDomId(pointer);
  return (
    <div className="field">
      <FieldLabel htmlFor={id} title={field.title} required={field.required ?? false} />
      <input id={id} type="text" className={field.kind === 'expression' ? 'code' : undefined} value={text} onChange={(event) => setField(pointer, change(event.target.value))} {...controlProps} placeholder={field.kind === 'expression' ? 'JSONata, e.g. $event.data.role = "lead"' : undefined} />
      <FieldError id={errorId} problems={problems} />
    </div>
  );
}

/** The fields a step kind declares. */
export function KindFields({ stepPointer, fields }: { stepPointer: string; fields: readonly KindField[] }) {
  return (
    <>
      {fields.map((field) => {
        const pointer = `${stepPointer}/${field.key}`;
        if (field.kind === 'mapping') return <MappingField key={pointer} pointer={pointer} title={field.title} required={field.required ?? false} widget="text" />;
        if (field.kind === 'json') return <JsonField key={pointer} pointer={pointer} title={field.title} required={field.required ?? false} />;
        return <PlainField key={pointer} pointer={pointer} field={field} />;
      })}
    </>
  );
}
