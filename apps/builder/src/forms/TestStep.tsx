import { useState } from 'react';
import { previewMapping, type Mapping } from '@flowline/core/design';
import { useEditor } from '../state/editor-context.js';
import type { StepJson } from '../state/definition.js';
import { useStepForm } from './form-context.js';

/** Runs this one action live (test-step) with its input evaluated against the sample data. */
export function TestStep({ step }: { step: StepJson }) {
  const { api, design } = useEditor();
  const { sampleScope } = useStepForm();
  const [result, setResult] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const input = await previewMapping((step.input ?? {}) as Mapping, { expressions: design.expressions, scope: sampleScope, topLevel: false });
      if (input.error) {
        setResult(`The input has no value: ${input.error.message}`);
        return;
      }
      const answer = await api.testStep({ operation: String(step.operation), connection: String(step.connection), input: input.value ?? {} });
      setResult(`${answer.status} in ${Math.round(answer.durationMs)} ms\n${JSON.stringify(answer.output ?? answer.error, null, 2)}`);
    } catch (error) {
      setResult(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="test-step">
      <button type="button" onClick={() => void run()} disabled={busy}>
        Test this step
      </button>
      <p className="muted">Calls the service for real, with the input evaluated against the trigger's sample.</p>
      {result ? (
        <pre role="status" aria-label={`Test of ${step.id}`} className="code">
          {result}
        </pre>
      ) : null}
    </div>
  );
}
