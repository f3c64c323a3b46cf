import { useMemo } from 'react';
import { FieldError, FieldSetContext, useFieldProblems } from './problems/field-problems.js';
import { fieldDomId } from './problems/problem-fields.js';
import { useEditor } from './state/editor-context.js';

const HEADER_FIELDS = new Set(['/id', '/name', '/trigger/operation']);

function HeaderText({ pointer, label, value }: { pointer: string; label: string; value: string }) {
  const { setField } = useEditor();
  const { problems, controlProps, errorId } = useFieldProblems(pointer);
  const id = fieldDomId(pointer);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} onChange={(event) => setField(pointer, event.target.value)} {...controlProps} />
      <FieldError id={errorId} problems={problems} />
    </div>
  );
}

function TriggerSelect() {
  const { state, design, setField } = useEditor();
  const pointer = '/trigger/operation';
  const { problems, controlProps, errorId } = useFieldProblems(pointer);
  const triggers = useMemo(() => design.catalog.list({ kind: 'trigger' }), [design]);
  const id = fieldDomId(pointer);
  return (
    <div className="field">
      <label htmlFor={id}>Trigger</label>
      <select id={id} value={state.definition.trigger?.operation ?? ''} onChange={(event) => setField(pointer, event.target.value)} {...controlProps}>
        <option value="">Choose a trigger…</option>
        {triggers.map((trigger) => (
          <option key={trigger.id} value={trigger.id}>
            {trigger.title} ({trigger.id})
          </option>
        ))}
      </select>
      <FieldError id={errorId} problems={problems} />
    </div>
  );
}

/** The workflow's id, name and trigger. */
export function Header() {
  const { state } = useEditor();
  return (
    <FieldSetContext.Provider value={HEADER_FIELDS}>
      <header className="header">
        <h1>Flowline</h1>
        <HeaderText pointer="/id" label="Workflow id" value={state.definition.id ?? ''} />
        <HeaderText pointer="/name" label="Workflow name" value={state.definition.name ?? ''} />
        <TriggerSelect />
      </header>
    </FieldSetContext.Provider>
  );
}
