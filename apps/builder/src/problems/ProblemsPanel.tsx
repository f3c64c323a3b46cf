import { useEditor } from '../state/editor-context.js';

/** Every validation problem, each with its message and pointer; choosing one goes to its field. */
export function ProblemsPanel() {
  const { problems, focusProblem } = useEditor();
  return (
    <section className="panel problems" aria-label="Problems">
      <h2>Problems ({problems.length})</h2>
      {problems.length === 0 ? (
        <p className="muted">No problems.</p>
      ) : (
        <ul>
          {problems.map((problem, index) => (
            <li key={`${problem.pointer}:${index}`}>
              <button type="button" className="link" onClick={() => focusProblem(problem)}>
                <span className="problem-message">{problem.message}</span> <code>{problem.pointer || '/'}</code>
                {problem.suggestion ?? problem.hint ? <span className="muted problem-hint">{problem.suggestion ?? problem.hint}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
