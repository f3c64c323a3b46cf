import { asPossible, type ScopeNode } from './scope-node.js';

function mergeLists(a: readonly ScopeNode[], b: readonly ScopeNode[]): ScopeNode[] {
  const other = new Map(b.map((node) => [node.name, node]));
  const merged = a.map((node) => {
    const match = other.get(node.name);
    return match ? mergeNodes(node, match) : asPossible(node);
  });
  const names = new Set(a.map((node) => node.name));
  for (const node of b) if (!names.has(node.name)) merged.push(asPossible(node));
  return merged;
}

/**
 * One node for a value that two ways to a point set differently (two branches of an `if`, a step's
 * output or its error): certain only where both are, with the children of both.
 */
export function mergeNodes(a: ScopeNode, b: ScopeNode): ScopeNode {
  if (a === b) return a;
  const children = a.children || b.children ? mergeLists(a.children ?? [], b.children ?? []) : undefined;
  const items = a.items && b.items ? mergeNodes(a.items, b.items) : (a.items ?? b.items);
  const { children: _children, items: _items, more: _more, ...rest } = a;
  return {
    ...rest,
    type: a.type === b.type ? a.type : 'any',
    certain: a.certain && b.certain,
    ...(a.nullable || b.nullable ? { nullable: true } : {}),
    ...(children ? { children } : {}),
    ...(items ? { items } : {}),
    ...(a.more || b.more ? { more: true } : {}),
  };
}

/** Names set on two ways to a point, merged: one set on only one way is only possibly set. */
export function mergeBindings(a: ReadonlyMap<string, ScopeNode>, b: ReadonlyMap<string, ScopeNode>): Map<string, ScopeNode> {
  const merged = new Map<string, ScopeNode>();
  for (const [name, node] of a) {
    const match = b.get(name);
    merged.set(name, match ? mergeNodes(node, match) : asPossible(node));
  }
  for (const [name, node] of b) if (!a.has(name)) merged.set(name, asPossible(node));
  return merged;
}
