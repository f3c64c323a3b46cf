import { useEffect, useState } from 'react';
import type { FieldOptions } from '@flowline/connectors/catalog';
import { useEditor } from '../state/editor-context.js';
import { getAt } from '../state/definition.js';
import { ChoiceField, type Choice } from './ChoiceField.js';

/** A dynamic dropdown: its choices come from the tenant's account (`GET options/{source}`), after the field it depends on. */
export function OptionsField({ pointer, title, required, options }: { pointer: string; title: string; required: boolean; options: FieldOptions }) {
  const { state, api } = useEditor();
  const parent = pointer.slice(0, pointer.lastIndexOf('/'));
  const dependsOn = options.dependsOn ? getAt(state.definition, `${parent}/${options.dependsOn}`) : undefined;
  const waiting = options.dependsOn !== undefined && (typeof dependsOn !== 'string' || dependsOn === '' || dependsOn.startsWith('='));
  const [choices, setChoices] = useState<readonly Choice[]>([]);
  const [status, setStatus] = useState<string>('');
  useEffect(() => {
    if (waiting) {
      setChoices([]);
      setStatus(`Choose ${options.dependsOn} first.`);
      return;
    }
    let live = true;
    setStatus('Loading…');
    const params: Record<string, string> = options.dependsOn && typeof dependsOn === 'string' ? { [options.dependsOn]: dependsOn } : {};
    api
      .options(options.source, params)
      .then((loaded) => {
        if (!live) return;
        setChoices(loaded.map((option) => ({ value: option.value, label: option.label })));
        setStatus('');
      })
      .catch((error: unknown) => {
        if (live) setStatus(`Could not load the choices: ${error instanceof Error ? error.message : String(error)}`);
      });
    return () => {
      live = false;
    };
  }, [api, options.source, options.dependsOn, dependsOn, waiting]);
  return <ChoiceField pointer={pointer} title={title} required={required} choices={choices} status={status} />;
}
