import { useEffect, useState } from 'react';
import { previewMapping, type Mapping } from '@flowline/core/design';
import { useEditor } from '../state/editor-context.js';
import { useStepForm } from './form-context.js';

/** The live value of a field against the trigger's sample payload (and earlier steps' sample outputs). */
export function FieldPreview({ title, value }: { title: string; value: unknown }) {
  const { design, api, state } = useEditor();
  const trigger = state.definition.trigger?.operation ?? '';
  const { sampleScope } = useStepForm();
  const [shown, setShown] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  useEffect(() => {
    let live = true;
    if (value === undefined) {
      setShown({ text: 'not set', error: false });
      return;
    }
    // `$config` is the tenant's, known to the host only: such a field is previewed by the API (as { v: field }).
    const onHost = JSON.stringify(value).includes('$config');
    const previewed: Promise<{ value?: unknown; error?: { message?: unknown } }> = onHost
      ? api.preview({ mapping: { v: value }, trigger }).then((answer) => ({ ...(answer.error ? { error: answer.error } : {}), value: (answer.value as { v?: unknown } | undefined)?.v }))
      : previewMapping(value as Mapping, { expressions: design.expressions, scope: sampleScope, topLevel: false });
    previewed
      .then((preview) => {
        if (!live) return;
        if (preview.error) setShown({ text: String(preview.error.message), error: true });
        else setShown({ text: preview.value === undefined ? 'nothing (the field is left out)' : JSON.stringify(preview.value), error: false });
      })
      .catch((error: unknown) => live && setShown({ text: `No preview: ${error instanceof Error ? error.message : String(error)}`, error: true }));
    return () => {
      live = false;
    };
  }, [value, design, sampleScope, api, trigger]);
  return (
    <div role="status" aria-label={`Preview of ${title}`} className={`preview${shown.error ? ' preview-error' : ''}`}>
      <span className="muted">Preview: </span>
      <output>{shown.text}</output>
    </div>
  );
}
