import type { JsonSchema } from '../connectors/operation.js';
import { memberPath, type NodeDraft, type ScopeNode, type ScopeType } from './scope-node.js';
import { viewSchema, type SchemaView } from './schema-view.js';

/** Where a node goes in the tree. `depth`: levels below a top name such as `$event` (0). */
export interface NodePlace {
  readonly name: string;
  readonly path: string;
  readonly certain: boolean;
  readonly depth: number;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function typeOfValue(value: unknown): ScopeType | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'string' || type === 'boolean' || type === 'object') return type;
  if (type === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return 'any';
}

function typeOfView(view: SchemaView, sample: unknown): ScopeType {
  const types = [...view.types];
  if (types.length === 2 && types.includes('integer') && types.includes('number')) return 'number';
  if (types.length === 1) return types[0] as ScopeType;
  if (types.length > 1) return 'any';
  if (view.properties.size > 0) return 'object';
  if (view.items) return 'array';
  const known = typeOfValue(view.enum?.[0]) ?? typeOfValue(sample) ?? typeOfValue(view.example);
  return known === 'null' || known === undefined ? 'any' : known;
}

/**
 * The node for a value that a schema describes (an operation's output, a trigger's payload), with
 * the sample value along it. Keys the sample has and the schema does not list are shown too, when
 * the schema lists none. Stops at `maxDepth` and at a `$ref` met again (`more`).
 */
export function schemaNode(schema: JsonSchema, root: JsonSchema, sample: unknown, place: NodePlace, maxDepth: number, refs?: ReadonlySet<string>): ScopeNode {
  const view = viewSchema(schema, root, refs);
  const type = typeOfView(view, sample);
  const node: NodeDraft = { name: place.name, path: place.path, type, certain: place.certain };
  if (view.nullable) node.nullable = true;
  if (view.title !== undefined) node.title = view.title;
  if (view.description !== undefined) node.description = view.description;
  const shown = sample !== undefined ? sample : view.example;
  if (shown !== undefined) node.sample = shown;
  if (view.enum) node.enum = view.enum;

  const sampleKeys = isObject(sample) && view.properties.size === 0 ? Object.keys(sample) : [];
  const hasChildren = (type === 'object' || type === 'any') && (view.properties.size > 0 || sampleKeys.length > 0);
  const hasItems = type === 'array' && (view.items !== undefined || (Array.isArray(sample) && sample.length > 0));
  if (view.recursive || ((hasChildren || hasItems) && place.depth >= maxDepth)) {
    if (hasChildren || hasItems || view.recursive) node.more = true;
    return node;
  }
  const depth = place.depth + 1;
  if (hasChildren) {
    const children: ScopeNode[] = [];
    for (const [name, child] of view.properties) {
      const value = isObject(sample) ? sample[name] : undefined;
      children.push(schemaNode(child, root, value, { name, path: memberPath(place.path, name), certain: place.certain && view.required.has(name), depth }, maxDepth, view.refs));
    }
    for (const name of sampleKeys) {
      children.push(schemaNode({}, root, (sample as Record<string, unknown>)[name], { name, path: memberPath(place.path, name), certain: place.certain, depth }, maxDepth, view.refs));
    }
    node.children = children;
  }
  if (hasItems) {
    const first = Array.isArray(sample) ? sample[0] : undefined;
    // An array may be empty, so its items are never certain; what is in them is, as far as one item goes.
    const items = schemaNode(view.items ?? {}, root, first, { name: '[0]', path: `${place.path}[0]`, certain: place.certain, depth }, maxDepth, view.refs);
    node.items = { ...items, certain: false };
  }
  return node;
}

/** The node for a value known only by its sample (e.g. the host's configuration). */
export function sampleNode(sample: unknown, place: NodePlace, maxDepth: number): ScopeNode {
  return schemaNode({}, {}, sample, place, maxDepth);
}
