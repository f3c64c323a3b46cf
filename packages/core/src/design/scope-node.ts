/** A JSON type as a data picker shows it; `any` when the schema does not say. */
export type ScopeType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null' | 'any';

/** One name in scope at a point of a workflow, and what is inside it: one row of a data picker. */
export interface ScopeNode {
  /** The name shown, e.g. `contact`, `$steps`, or `[0]` for an array's items. */
  readonly name: string;
  /** The expression to insert, e.g. `$steps.upsert.contact.id`. */
  readonly path: string;
  readonly type: ScopeType;
  /** The value may also be null. */
  readonly nullable?: boolean;
  readonly title?: string;
  readonly description?: string;
  /** An example value: the operation's sample, or the schema's first example. */
  readonly sample?: unknown;
  /** The values the schema allows, when it lists them. */
  readonly enum?: readonly unknown[];
  /**
   * Whether the value is set whenever the point is reached: what sets it certainly ran before
   * (not on only one branch of an `if`, not only when a step failed), and the schema requires it
   * at every level. False: it is only possibly set.
   */
  readonly certain: boolean;
  /** An object's properties. */
  readonly children?: readonly ScopeNode[];
  /** An array's items (named `[0]`, the path of the first): never certain, as an array may be empty; their children are certain as far as one item goes. */
  readonly items?: ScopeNode;
  /** There is more below that is not listed: the depth limit, or a schema that refers to itself. */
  readonly more?: boolean;
}

type Writable<T> = { -readonly [Key in keyof T]: T[Key] };
export type NodeDraft = Writable<ScopeNode>;

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const JSONATA_WORDS = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);

/** The path of a property of `parent`, quoted with backticks when it is not a plain name. */
export function memberPath(parent: string, name: string): string {
  if (PLAIN_NAME.test(name) && !JSONATA_WORDS.has(name)) return `${parent}.${name}`;
  return `${parent}.\`${name.replaceAll('`', '')}\``;
}

/** The node with every value in it marked as only possibly set. */
export function asPossible(node: ScopeNode): ScopeNode {
  if (!node.certain && !node.children && !node.items) return node;
  return {
    ...node,
    certain: false,
    ...(node.children ? { children: node.children.map(asPossible) } : {}),
    ...(node.items ? { items: asPossible(node.items) } : {}),
  };
}

/** The node moved under another path and name (e.g. `$event.data` bound as `$vars.customer`). */
export function repath(node: ScopeNode, path: string, name: string): ScopeNode {
  const from = node.path;
  const move = (inner: ScopeNode, innerName: string): ScopeNode => ({
    ...inner,
    name: innerName,
    path: path + inner.path.slice(from.length),
    ...(inner.children ? { children: inner.children.map((child) => move(child, child.name)) } : {}),
    ...(inner.items ? { items: move(inner.items, inner.items.name) } : {}),
  });
  return move(node, name);
}

/** The node at `path` in a tree, if there is one (walking children and items). */
export function findNode(nodes: readonly ScopeNode[], path: string): ScopeNode | undefined {
  for (const node of nodes) {
    if (node.path === path) return node;
    if (path.startsWith(node.path)) {
      const found = findNode([...(node.children ?? []), ...(node.items ? [node.items] : [])], path);
      if (found) return found;
    }
  }
  return undefined;
}
