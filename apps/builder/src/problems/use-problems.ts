import { useEffect, useState } from 'react';
import { validateWorkflow } from '@flowline/core/design';
import type { Design } from '../api/use-catalog.js';
import type { DefinitionJson } from '../state/definition.js';
import type { Problem } from './problem-fields.js';

/** The definition's problems, checked in the page as it changes (a moment after the last edit). */
export function useProblems(definition: DefinitionJson, design: Design | undefined): readonly Problem[] {
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  useEffect(() => {
    if (!design) return;
    const timer = setTimeout(() => {
      const result = validateWorkflow(definition, { catalog: design.catalog, expressions: design.expressions });
      setProblems(result.problems);
    }, 150);
    return () => clearTimeout(timer);
  }, [definition, design]);
  return problems;
}
