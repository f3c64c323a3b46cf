import { createContext, useContext } from 'react';
import type { Scope } from '@flowline/core/design';

/** What the fields of one step's form share: where the step is, and the sample data previews use. */
export interface StepFormContext {
  readonly stepPointer: string;
  readonly sampleScope: Scope;
}

export const FormContext = createContext<StepFormContext | null>(null);

export function useStepForm(): StepFormContext {
  const context = useContext(FormContext);
  if (!context) throw new Error('A field needs a <FormContext.Provider>');
  return context;
}
