import { useEffect, useState } from 'react';
import { previewMapping, type Mapping } from '@flowline/core/design';
import { useEditor } from '../state/editor-context.js';
import { useStepForm } from './form-context.js';

/** The live value of a field against the trigger's sample payload (and earlier steps' sample outputs). */
export function FieldPreview({ title, value }: { title: string; value: unknown }) {
  const { design } = useEditor();
  const { sampleScope } = useStepForm();
  const [shown, setShown] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  useEffect(() => {
    let live = true;
    if (value === undefined) {
      setShown({ text: 'not set', error: false });
      return;
    }
    void previewMapping(value as Mapping, { expressions: design.expressions, scope: sampleScope, topLevel: false }).then((preview) => {
      if (!live) return;
      if (preview.error) setShown({ text: preview.error.message, error: true });
      else setShown({ text: preview.value === undefined ? 'nothing (the field is left out)' : JSON.stringify(preview.value), error: false });
    });
    return () => {
      live = false;
    };
  }, [value, design, sampleScope]);
  return (
    <div role="status" aria-label={`Preview of ${title}`} className={`preview${shown.error ? ' preview-error' : ''}`}>
      <span className="muted">Preview: </span>
      <output>{shown.text}</output>
    </div>
  );
}
