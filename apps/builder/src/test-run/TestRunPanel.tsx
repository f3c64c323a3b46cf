import { useMemo, useState } from 'react';
import type { RunJson } from '../api/api-client.js';
import { useEditor } from '../state/editor-context.js';
import { kindOf } from '../state/step-kinds.js';
import { walkSteps } from '../state/step-tree.js';
import { StepResult } from './StepResult.js';

interface MockDraft {
  readonly on: boolean;
  readonly text: string;
}

/** A dry run of the definition as it is (nothing is sent): per step a mocked output or a chosen branch, then each step's input, request and output. */
export function TestRunPanel() {
  const { state, api, design } = useEditor();
  const steps = useMemo(() => walkSteps(state.definition), [state.definition]);
  const [mocks, setMocks] = useState<Record<string, MockDraft>>({});
  const [branches, setBranches] = useState<Record<string, string>>({});
  const [run, setRun] = useState<RunJson>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    setError('');
    try {
      const mockValues: Record<string, unknown> = {};
      for (const [id, mock] of Object.entries(mocks)) {
        if (!mock.on) continue;
        try {
          mockValues[id] = JSON.parse(mock.text);
        } catch {
          throw new Error(`The mock output of ${id} is not JSON`);
        }
      }
      const chosen: Record<string, string | number> = {};
      for (const [id, branch] of Object.entries(branches)) if (branch !== '') chosen[id] = /^\d+$/.test(branch) ? Number(branch) : branch;
      setRun(await api.testRun({ definition: state.definition, mocks: mockValues, branches: chosen }));
    } catch (failure) {
      setRun(undefined);
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel test-run" aria-label="Test run">
      <h2>Test run</h2>
      <p className="muted">A dry run with the trigger's sample: nothing is sent; each action shows the request it would send.</p>
      <details>
        <summary>Mocks and branches</summary>
        {steps.map(({ step }) => {
          const branchChoices = kindOf(step.type).branches?.(step);
          const mock = mocks[step.id] ?? { on: false, text: '' };
          const sample = step.type === 'action' && typeof step.operation === 'string' ? design.catalog.describe(step.operation)?.sampleOutput : undefined;
          return (
            <div key={step.id} className="mock">
              <label>
                <input type="checkbox" aria-label={`Mock output of ${step.id}`} checked={mock.on} onChange={(event) => setMocks({ ...mocks, [step.id]: { on: event.target.checked, text: mock.text || JSON.stringify(sample ?? {}, null, 2) } })} />
                Mock output of {step.id}
              </label>
              {mock.on ? (
                <textarea aria-label={`Mocked output of ${step.id}`} className="code" rows={4} value={mock.text} onChange={(event) => setMocks({ ...mocks, [step.id]: { on: true, text: event.target.value } })} />
              ) : null}
              {branchChoices ? (
                <label>
                  Branch of {step.id}
                  <select aria-label={`Branch of ${step.id}`} value={branches[step.id] ?? ''} onChange={(event) => setBranches({ ...branches, [step.id]: event.target.value })}>
                    <option value="">as the condition says</option>
                    {branchChoices.map((branch) => (
                      <option key={branch} value={branch}>
                        {/^\d+$/.test(branch) ? `case ${branch}` : branch}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
            </div>
          );
        })}
      </details>
      <button type="button" onClick={() => void start()} disabled={busy}>
        Run test
      </button>
      {busy ? <p role="status">Running…</p> : null}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {run ? (
        <>
          <p role="status">
            Test run {run.status}
            {run.error?.message ? `: ${run.error.message}` : ''}
          </p>
          <ul className="results" aria-label="Test run steps">
            {(run.steps ?? []).map((record) => (
              <StepResult key={record.path} record={record} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
