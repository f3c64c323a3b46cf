import type { StepRecordJson } from '../api/api-client.js';

/** A step's status as the test run shows it: mocked outputs say so. */
export function shownStatus(record: StepRecordJson): string {
  return record.test?.mocked ? 'mocked' : record.status;
}

function Disclosure({ label, value }: { label: string; value: unknown }) {
  if (value === undefined) return null;
  return (
    <details>
      <summary>{label}</summary>
      <pre className="code">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

/** One step record: its status, then its input, request, output and error on demand. */
export function StepResult({ record }: { record: StepRecordJson }) {
  const status = shownStatus(record);
  return (
    <li aria-label={`Step ${record.path || record.stepId}: ${status}`} className={`step-result status-${status}`}>
      <strong>{record.path || record.stepId}</strong> <span className={`status status-${status}`}>{status}</span>
      {record.reason ? <span className="muted"> ({record.reason})</span> : null}
      <Disclosure label="Input" value={record.input} />
      <Disclosure label="Request" value={record.request} />
      <Disclosure label="Output" value={record.output} />
      <Disclosure label="Error" value={record.error} />
    </li>
  );
}
