import { useCallback, useEffect, useState } from 'react';
import type { RunJson } from '../api/api-client.js';
import { useEditor } from '../state/editor-context.js';
import { RunDetail } from './RunDetail.js';
import { useRunEvents } from './use-run-events.js';

const STATUSES = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'];

/** The workflow's runs, newest first, filtered by status, kept live over Server-Sent Events. */
export function RunsPanel() {
  const { state, api } = useEditor();
  const workflowId = state.definition.id;
  const [status, setStatus] = useState('');
  const [runs, setRuns] = useState<readonly RunJson[]>([]);
  const [error, setError] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const load = useCallback(() => {
    api
      .runs({ workflowId, status, limit: 50 })
      .then((page) => {
        setRuns(page.runs.filter((run) => !('dryRun' in run) || !(run as { dryRun?: boolean }).dryRun));
        setError('');
      })
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  }, [api, workflowId, status]);
  useEffect(load, [load]);
  useRunEvents(api, () => {
    load();
    setTick((count) => count + 1);
  });
  return (
    <section className="panel runs" aria-label="Runs">
      <h2>Runs of {workflowId}</h2>
      <label htmlFor="runs-status">Status</label>
      <select id="runs-status" value={status} onChange={(event) => setStatus(event.target.value)}>
        <option value="">any</option>
        {STATUSES.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      {error ? <p className="field-error">{error}</p> : null}
      <table aria-label="Runs">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className={open === run.id ? "selected" : undefined} onClick={() => setOpen(run.id)}>
              <td>
                <button type="button" className="link" onClick={() => setOpen(run.id)}>
                  {run.id}
                </button>
              </td>
              <td>
                <span className={`status status-${run.status}`}>{run.status}</span>
              </td>
              <td>{run.startedAt ? new Date(run.startedAt).toLocaleString() : new Date(run.queuedAt).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.length === 0 ? <p className="muted">No runs yet.</p> : null}
      {open ? <RunDetail runId={open} version={tick} onRetried={(id) => setOpen(id)} /> : null}
    </section>
  );
}
