import { createContext, useContext } from 'react';
import { useEditor } from '../state/editor-context.js';
import { fieldDomId, fieldFor, type Problem } from './problem-fields.js';

/** The field pointers a form shows, so each problem is shown at one of them. */
export const FieldSetContext = createContext<ReadonlySet<string>>(new Set());

/** The problems shown at a field, and the attributes its control takes (aria-invalid, aria-describedby). */
export function useFieldProblems(pointer: string): { problems: Problem[]; controlProps: { 'aria-invalid'?: true; 'aria-describedby'?: string }; errorId: string } {
  const { problems } = useEditor();
  const fields = useContext(FieldSetContext);
  const mine = problems.filter((problem) => fieldFor(problem, fields) === pointer);
  const errorId = `${fieldDomId(pointer)}-error`;
  return { problems: mine, controlProps: mine.length > 0 ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}, errorId };
}

export function FieldError({ id, problems }: { id: string; problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {problems.map((problem) => problem.message).join(' · ')}
    </p>
  );
}
