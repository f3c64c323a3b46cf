import { fieldHints, type FieldHints } from '@flowline/connectors/catalog';

export type Schema = { readonly [keyword: string]: unknown };

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A schema with its local `$ref` (`#/definitions/…`, `#/$defs/…`) followed, and `anyOf [X, null]` taken as X. */
export function resolveSchema(schema: Schema | undefined, root: Schema): Schema {
  let here: Schema = schema ?? {};
  for (let guard = 0; guard < 20; guard += 1) {
    const ref = here.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/')) {
      let target: unknown = root;
      for (const token of ref.slice(2).split('/')) target = isSchema(target) ? target[token.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
      const { $ref: _, ...rest } = here;
      here = { ...(isSchema(target) ? target : {}), ...rest };
      continue;
    }
    const choices = Array.isArray(here.anyOf) ? here.anyOf : Array.isArray(here.oneOf) ? here.oneOf : undefined;
    if (choices) {
      const real = choices.filter((choice) => !(isSchema(choice) && choice.type === 'null'));
      if (real.length === 1 && isSchema(real[0])) {
        const { anyOf: _a, oneOf: _o, ...rest } = here;
        here = { ...real[0], ...rest };
        continue;
      }
    }
    return here;
  }
  return here;
}

/** How a field is edited. */
export type FieldWidget = 'object' | 'text' | 'number' | 'boolean' | 'enum' | 'options' | 'list' | 'json';

export interface FormField {
  readonly key: string;
  readonly title: string;
  readonly required: boolean;
  readonly schema: Schema;
  readonly hints: FieldHints | undefined;
  readonly widget: FieldWidget;
}

function typeOf(schema: Schema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null') as string | undefined;
  return undefined;
}

export function widgetOf(schema: Schema, hints: FieldHints | undefined, root: Schema): FieldWidget {
  if (hints?.options) return 'options';
  if (Array.isArray(schema.enum)) return 'enum';
  const type = typeOf(schema);
  if (type === 'object') return isSchema(schema.properties) && Object.keys(schema.properties).length > 0 ? 'object' : 'json';
  if (type === 'array') {
    const items = resolveSchema(isSchema(schema.items) ? schema.items : undefined, root);
    const itemType = typeOf(items);
    return itemType === 'string' || itemType === 'number' || itemType === 'integer' ? 'list' : 'json';
  }
  if (type === 'boolean') return 'boolean';
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'string') return 'text';
  return 'json';
}

/** An object schema's fields, in the catalog's order (x-flowline order, then as listed). */
export function fieldsOf(schema: Schema, root: Schema): FormField[] {
  const resolved = resolveSchema(schema, root);
  const properties = isSchema(resolved.properties) ? resolved.properties : {};
  const required = new Set(Array.isArray(resolved.required) ? (resolved.required as string[]) : []);
  const fields = Object.entries(properties).map(([key, raw], position) => {
    const declared = isSchema(raw) ? raw : {};
    const hints = fieldHints(declared) ?? fieldHints(resolveSchema(declared, root));
    const field = resolveSchema(declared, root);
    return {
      position,
      field: {
        key,
        title: typeof declared.title === 'string' ? declared.title : typeof field.title === 'string' ? field.title : key,
        required: required.has(key),
        schema: field,
        hints,
        widget: widgetOf(field, hints, root),
      },
    };
  });
  fields.sort((a, b) => (a.field.hints?.order ?? 1000 + a.position) - (b.field.hints?.order ?? 1000 + b.position));
  return fields.map((entry) => entry.field);
}

/** The pointers of every editable field under an object schema (not of the groups): for placing problems. */
export function fieldPointers(schema: Schema, root: Schema, base: string, depth = 0): string[] {
  const out: string[] = [];
  for (const field of fieldsOf(schema, root)) {
    const pointer = `${base}/${field.key}`;
    if (field.widget === 'object' && depth < 6) out.push(pointer, ...fieldPointers(field.schema, root, pointer, depth + 1));
    else out.push(pointer);
  }
  return out;
}
