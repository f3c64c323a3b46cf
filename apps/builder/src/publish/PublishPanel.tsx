import type { VersionJson } from '../api/api-client.js';

/** The outcome of the last publish, and the workflow's saved versions. */
export function PublishPanel({ status, versions }: { status: string; versions: readonly VersionJson[] }) {
  return (
    <section className="panel versions" aria-label="Versions">
      <h2>Versions</h2>
      {status ? <p role="status">{status}</p> : null}
      {versions.length === 0 ? (
        <p className="muted">Not published yet.</p>
      ) : (
        <ul>
          {versions.map((version) => (
            <li key={version.version}>
              Version {version.version}: {version.state}
              <span className="muted"> saved {new Date(version.savedAt).toLocaleString()}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
