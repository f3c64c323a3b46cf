import { TEMPLATE_KEY } from '../expressions/mapping.js';
import type { Mapping } from '../generated/workflow.js';
import type { NodePlace } from './schema-node.js';
import { asPossible, memberPath, repath, type ScopeNode } from './scope-node.js';

export interface MappingNodeOptions {
  /** The node a simple path expression (`$event.data`) names where the mapping runs, if any. */
  readonly lookup: (source: string) => ScopeNode | undefined;
  readonly templates: Readonly<Record<string, Mapping>>;
}

type Place = Pick<NodePlace, 'name' | 'path' | 'certain'>;

function expressionNode(source: string, place: Place, options: MappingNodeOptions): ScopeNode {
  const found = options.lookup(source);
  if (!found) return { ...place, type: 'any', certain: false, description: `The value of ${source.replace(/^=/, '').trim()}.` };
  const moved = repath(found, place.path, place.name);
  return place.certain ? moved : asPossible(moved);
}

/**
 * What a mapping (a `set` step's value) gives, as far as it can be known before a run: literal
 * values as they are, a simple path (`$event.data`) as what it names, other expressions as `any`,
 * only possibly set (they may give nothing). `$use` templates are expanded.
 */
export function mappingNode(mapping: Mapping, place: Place, options: MappingNodeOptions, topLevel = true, expanding: ReadonlySet<string> = new Set()): ScopeNode {
  if (typeof mapping === 'string' && (topLevel || mapping.startsWith('='))) return expressionNode(mapping, place, options);
  if (mapping === null || typeof mapping !== 'object') {
    const type = mapping === null ? 'null' : typeof mapping === 'number' ? (Number.isInteger(mapping) ? 'integer' : 'number') : typeof mapping === 'boolean' ? 'boolean' : 'string';
    return { ...place, type, sample: mapping };
  }
  if (Array.isArray(mapping)) {
    const first = mapping[0];
    const items = first === undefined ? undefined : mappingNode(first, { name: '[0]', path: `${place.path}[0]`, certain: place.certain }, options, false, expanding);
    return { ...place, type: 'array', ...(items ? { items: { ...items, certain: false } } : {}) };
  }
  const record = mapping as Readonly<Record<string, Mapping>>;
  const children = new Map<string, ScopeNode>();
  const template = record[TEMPLATE_KEY];
  const keys = Object.keys(record).filter((key) => key !== TEMPLATE_KEY);
  if (typeof template === 'string' && Object.hasOwn(options.templates, template) && !expanding.has(template)) {
    const base = mappingNode(options.templates[template] as Mapping, place, options, true, new Set([...expanding, template]));
    if (keys.length === 0 && base.type !== 'object') return base;
    for (const child of base.children ?? []) children.set(child.name, child);
  }
  for (const key of keys) {
    children.set(key, mappingNode(record[key] as Mapping, { name: key, path: memberPath(place.path, key), certain: place.certain }, options, false, expanding));
  }
  return { ...place, type: 'object', children: [...children.values()] };
}
