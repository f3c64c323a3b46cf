import { useMemo } from 'react';
import { sampleScope } from '@flowline/core/design';
import { FieldError, FieldSetContext, useFieldProblems } from '../problems/field-problems.js';
import { fieldDomId } from '../problems/problem-fields.js';
import { useEditor } from '../state/editor-context.js';
import { getAt, type DefinitionJson, type StepJson } from '../state/definition.js';
import { kindOf } from '../state/step-kinds.js';
import { findStep, walkSteps } from '../state/step-tree.js';
import type { Design } from '../api/use-catalog.js';
import { FormContext } from './form-context.js';
import { JsonField } from './JsonField.js';
import { KindFields } from './KindFields.js';
import { SchemaFields } from './SchemaFields.js';
import { fieldPointers, type Schema } from './schema-tools.js';
import { TestStep } from './TestStep.js';

/** `$event` from the trigger's sample, `$steps` from each action's sample output: what previews evaluate against. */
function useSampleScope(definition: DefinitionJson, design: Design) {
  const trigger = definition.trigger?.operation ?? '';
  const steps = definition.steps;
  return useMemo(() => {
    const outputs: Record<string, unknown> = {};
    for (const { step } of walkSteps({ ...definition, steps })) {
      if (step.type === 'action' && typeof step.operation === 'string') outputs[step.id] = design.catalog.describe(step.operation)?.sampleOutput;
    }
    return sampleScope({ event: design.catalog.describe(trigger)?.sample ?? {}, trigger: { operation: trigger }, steps: outputs });
  }, [trigger, steps, design]);
}

function StepIdField({ pointer, step }: { pointer: string; step: StepJson }) {
  const { setField, dispatch } = useEditor();
  const { problems, controlProps, errorId } = useFieldProblems(`${pointer}/id`);
  const id = fieldDomId(`${pointer}/id`);
  return (
    <div className="field">
      <label htmlFor={id}>Step id</label>
      <input
        id={id}
        type="text"
        value={step.id}
        onChange={(event) => {
          setField(`${pointer}/id`, event.target.value);
          dispatch({ type: 'select', id: event.target.value });
        }}
        {...controlProps}
      />
      <FieldError id={errorId} problems={problems} />
    </div>
  );
}

function ConnectionField({ pointer }: { pointer: string }) {
  const { state, setField } = useEditor();
  const { problems, controlProps, errorId } = useFieldProblems(pointer);
  const id = fieldDomId(pointer);
  const current = getAt(state.definition, pointer);
  return (
    <div className="field">
      <label htmlFor={id}>Connection</label>
      <input id={id} type="text" value={typeof current === 'string' ? current : ''} onChange={(event) => setField(pointer, event.target.value)} {...controlProps} />
      <FieldError id={errorId} problems={problems} />
    </div>
  );
}

/** The selected step's form: its id, then its kind's fields, or its operation's input fields for an action. */
export function StepForm() {
  const { state, design } = useEditor();
  const placed = state.selected === null ? undefined : findStep(state.definition, state.selected);
  const scope = useSampleScope(state.definition, design);
  const step = placed?.step;
  const operation = step?.type === 'action' && typeof step.operation === 'string' ? design.catalog.describe(step.operation) : undefined;
  const input = operation?.input as Schema | undefined;
  const fields = useMemo(() => {
    if (!placed) return new Set<string>();
    const pointers = [`${placed.pointer}/id`, `${placed.pointer}/connection`, ...kindOf(placed.step.type).fields.map((field) => `${placed.pointer}/${field.key}`)];
    if (input) pointers.push(...fieldPointers(input, input, `${placed.pointer}/input`));
    return new Set(pointers);
  }, [placed, input]);
  const context = useMemo(() => (placed ? { stepPointer: placed.pointer, sampleScope: scope } : null), [placed, scope]);
  if (!placed || !step || !context) {
    return (
      <section className="panel step-form" aria-label="Step">
        <h2>Step</h2>
        <p className="muted">Select a step on the canvas, or add one from the palette.</p>
      </section>
    );
  }
  const kind = kindOf(step.type);
  const known = step.type === 'action' || kind.fields.length > 0 || kind.lists(step).length > 0;
  return (
    <FieldSetContext.Provider value={fields}>
      <FormContext.Provider value={context}>
        <section className="panel step-form" aria-label="Step">
          <h2>
            {operation ? operation.title : kind.label} <span className="muted">{step.type === 'action' ? String(step.operation) : ''}</span>
          </h2>
          <StepIdField pointer={placed.pointer} step={step} />
          {step.type === 'action' ? (
            <>
              <ConnectionField pointer={`${placed.pointer}/connection`} />
              {operation?.description ? <p className="muted">{operation.description}</p> : null}
              {input ? <SchemaFields schema={input} root={input} pointer={`${placed.pointer}/input`} /> : <JsonField pointer={`${placed.pointer}/input`} title="Input" required={false} />}
              <TestStep step={step} />
            </>
          ) : known ? (
            <KindFields stepPointer={placed.pointer} fields={kind.fields} />
          ) : (
            <p className="muted">This step kind has no form yet; edit it in the definition's JSON.</p>
          )}
        </section>
      </FormContext.Provider>
    </FieldSetContext.Provider>
  );
}
