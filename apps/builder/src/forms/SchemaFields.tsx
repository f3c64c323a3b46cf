import { ChoiceField } from './ChoiceField.js';
import { JsonField } from './JsonField.js';
import { MappingField } from './MappingField.js';
import { OptionsField } from './OptionsField.js';
import { fieldsOf, type Schema } from './schema-tools.js';

const MAX_DEPTH = 6;

/** One field per property of an object schema, at `pointer`: nested objects as named groups. */
export function SchemaFields({ schema, root, pointer, depth = 0 }: { schema: Schema; root: Schema; pointer: string; depth?: number }) {
  return (
    <>
      {fieldsOf(schema, root).map((field) => {
        const at = `${pointer}/${field.key}`;
        const description = typeof field.schema.description === 'string' ? field.schema.description : undefined;
        switch (field.widget) {
          case 'object':
            if (depth >= MAX_DEPTH) return <JsonField key={at} pointer={at} title={field.title} required={field.required} />;
            return (
              <fieldset key={at} className="group">
                <legend>
                  {field.title}
                  {field.required ? <span className="required"> *</span> : null}
                </legend>
                <SchemaFields schema={field.schema} root={root} pointer={at} depth={depth + 1} />
              </fieldset>
            );
          case 'enum':
            return (
              <ChoiceField
                key={at}
                pointer={at}
                title={field.title}
                required={field.required}
                choices={(field.schema.enum as unknown[]).map((option) => ({ value: typeof option === 'string' ? option : JSON.stringify(option), label: String(option) }))}
                toValue={(text) => ((field.schema.enum as unknown[]).includes(text) ? text : JSON.parse(text))}
              />
            );
          case 'boolean':
            return <ChoiceField key={at} pointer={at} title={field.title} required={field.required} choices={[{ value: 'true', label: 'yes' }, { value: 'false', label: 'no' }]} toValue={(text) => text === 'true'} />;
          case 'options':
            return field.hints?.options ? <OptionsField key={at} pointer={at} title={field.title} required={field.required} options={field.hints.options} /> : null;
          case 'json':
            return <JsonField key={at} pointer={at} title={field.title} required={field.required} />;
          default:
            return (
              <MappingField
                key={at}
                pointer={at}
                title={field.title}
                required={field.required}
                widget={field.widget}
                multiline={field.hints?.widget === 'textarea'}
                {...(description ? { description } : {})}
                {...(field.hints?.warning ? { warning: field.hints.warning } : {})}
              />
            );
        }
      })}
    </>
  );
}
