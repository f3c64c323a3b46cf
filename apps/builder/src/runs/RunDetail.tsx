import { useEffect, useState } from 'react';
import type { RunJson } from '../api/api-client.js';
import { useEditor } from '../state/editor-context.js';
import { StepResult } from '../test-run/StepResult.js';

/** One run's timeline: each step with its input, output and error; a failed run can be retried. */
export function RunDetail({ runId, version, onRetried }: { runId: string; version: number; onRetried: (runId: string) => void }) {
  const { api } = useEditor();
  const [run, setRun] = useState<RunJson>();
  const [message, setMessage] = useState('');
  useEffect(() => {
    let live = true;
    api
      .run(runId)
      .then((loaded) => live && setRun(loaded))
      .catch((error: unknown) => live && setMessage(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
    };
  }, [api, runId, version]);
  const retry = async () => {
    try {
      const { runs } = await api.retry(runId);
      const last = runs.at(-1);
      setMessage(last ? `Retried as ${last.id}: ${last.status}` : 'Retried');
      if (last) onRetried(last.id);
    } catch (error) {
      setMessage(`Retry refused: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <section className="panel run-detail" aria-label={`Run ${runId}`}>
      <h3>Run {runId}</h3>
      {run ? (
        <p>
          <span className={`status status-${run.status}`}>{run.status}</span> version {String(run.workflowVersion ?? '?')}
          {run.error?.message ? <span className="field-error"> {run.error.message}</span> : null}
        </p>
      ) : null}
      <button type="button" onClick={() => void retry()}>
        Retry
      </button>
      {message ? <p role="status">{message}</p> : null}
      <ol className="results">{(run?.steps ?? []).map((record) => <StepResult key={record.path} record={record} />)}</ol>
    </section>
  );
}
