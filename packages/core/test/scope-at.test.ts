import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCatalog, FlowlineError, scopeAt, type OperationDescriptor, type ScopeNode, type WorkflowDefinition } from '../src/design/index.js';
// The real catalog: the trigger payload and action output schemas a builder's data picker shows.
import { catalogOperations } from '../../connectors/src/catalog/catalog-operations.js';

const catalog = createCatalog(catalogOperations);
const examples = new URL('../../../examples/', import.meta.url);
const example = (path: string) => JSON.parse(readFileSync(new URL(path, examples), 'utf8')) as WorkflowDefinition;
const contactSync = example('contact-sync/customer-created.workflow.json');

/** The node at a path in a scope (walking children and items), or undefined. */
function at(names: readonly ScopeNode[], path: string): ScopeNode | undefined {
  for (const node of names) {
    if (node.path === path) return node;
    const inner = at([...(node.children ?? []), ...(node.items ? [node.items] : [])], path);
    if (inner) return inner;
  }
  return undefined;
}

const stepIds = (names: readonly ScopeNode[]) => at(names, '$steps')?.children?.map((node) => node.name);
const definition = (steps: unknown[], trigger = 'pushpress.customer.created') =>
  ({ id: 'scope', name: 'Scope', version: 1, trigger: { operation: trigger }, steps }) as unknown as WorkflowDefinition;
const linkGet = (id: string) => ({ id, type: 'action', operation: 'flowline.links.get', connection: 'flowline', input: { namespace: 'n', from: '=$event.data.id' } });

describe('scopeAt', () => {
  it('lists $event from the trigger payload schema, with sample values and types', () => {
    const { names } = scopeAt(contactSync, '/steps/1/input/from', { catalog });
    expect(names.map((node) => node.name)).toEqual(['$event', '$trigger', '$config', '$run', '$steps', '$vars']);
    expect(at(names, '$event')).toMatchObject({ type: 'object', certain: true, title: 'Customer created' });
    expect(at(names, '$event.data.email')).toMatchObject({ type: 'string', sample: 'maya.lopez@example.com', certain: true });
    expect(at(names, '$event.data.name.first')).toMatchObject({ type: 'string', sample: 'Maya' });
    expect(at(names, '$event.data.phone')).toMatchObject({ type: 'string', nullable: true, certain: false });
    expect(at(names, '$trigger.operation')).toMatchObject({ sample: 'pushpress.customer.created' });
  });

  it('gives an action step\'s output from its operation\'s output schema and sample output, with the path to insert', () => {
    const { names } = scopeAt(contactSync, '/steps/3/then/0/else/1/value', { catalog });
    expect(at(names, '$steps.upsert')).toMatchObject({ type: 'object', certain: true, title: expect.stringContaining('No link yet') });
    expect(at(names, '$steps.upsert.contact.id')).toMatchObject({ name: 'id', type: 'string', sample: 'seD4PfOuKoVMLkEZqohJ' });
    expect(at(names, '$steps.upsert.contact.tags')?.items).toMatchObject({ path: '$steps.upsert.contact.tags[0]', type: 'string', certain: false });
    expect(at(names, '$steps.link.found')).toMatchObject({ type: 'boolean', certain: true, sample: true });
    expect(at(names, '$steps.link.to')).toMatchObject({ type: 'string', certain: false });
  });

  it('does not list a step\'s own output, nor later steps, at its input', () => {
    const { names } = scopeAt(contactSync, '/steps/2/input/namespace', { catalog });
    expect(stepIds(names)).toEqual(['customer', 'lastSync']);
  });

  it('lists steps before the point on the same branch as certain, and leaves out the branch not taken', () => {
    const { names } = scopeAt(contactSync, '/steps/3/then/0/else/2/input', { catalog });
    expect(at(names, '$steps.upsert')?.certain).toBe(true);
    expect(at(names, '$steps.known')).toMatchObject({ type: 'boolean', certain: true, sample: false });
    expect(stepIds(names)).not.toContain('update');
    expect(stepIds(names)).not.toContain('linkedContact');
  });

  it('marks steps inside an if before the point as only possibly run, and the if\'s own output as certain', () => {
    const { names } = scopeAt(contactSync, '/steps/4/then/0/input', { catalog });
    expect(at(names, '$steps.fresh')).toMatchObject({ type: 'boolean', certain: true });
    for (const id of ['known', 'update', 'upsert', 'addStatusTags', 'staleContact']) expect(at(names, `$steps.${id}`)?.certain, id).toBe(false);
    expect(at(names, '$steps.upsert.contact.id')?.certain).toBe(false);
  });

  it('binds $vars from set steps, a simple path carrying the tree it names', () => {
    const { names } = scopeAt(contactSync, '/steps/1/input', { catalog });
    expect(at(names, '$vars.customer')).toMatchObject({ type: 'object', certain: true });
    expect(at(names, '$vars.customer.email')).toMatchObject({ type: 'string', sample: 'maya.lopez@example.com', certain: true });
    expect(at(names, '$steps.customer.name.first')).toMatchObject({ type: 'string', sample: 'Maya' });
  });

  it('makes a variable certain when every branch sets it, and possible when one does', () => {
    const workflow = definition([
      { id: 'check', type: 'if', condition: 'true', then: [{ id: 'a', type: 'set', var: 'both', value: 1 }, { id: 'c', type: 'set', var: 'one', value: true }], else: [{ id: 'b', type: 'set', var: 'both', value: 2 }] },
      linkGet('after'),
    ]);
    const { names } = scopeAt(workflow, '/steps/1/input', { catalog });
    expect(at(names, '$vars.both')).toMatchObject({ type: 'integer', certain: true, sample: 1 });
    expect(at(names, '$vars.one')).toMatchObject({ type: 'boolean', certain: false });
  });

  it('binds $item from the forEach\'s array and $index inside its body, and the body\'s steps as its output after it', () => {
    const workflow = definition(
      [
        { id: 'each', type: 'forEach', over: '$event.data.tags', steps: [linkGet('first'), linkGet('second')] },
        { id: 'named', type: 'forEach', over: '$event.data.tags', as: 'tag', steps: [linkGet('third')] },
      ],
      'pushpress.customer.created',
    );
    const inside = scopeAt(workflow, '/steps/0/steps/1/input', { catalog }).names;
    expect(at(inside, '$index')).toMatchObject({ type: 'integer', certain: true });
    expect(at(inside, '$item')).toMatchObject({ certain: true });
    expect(stepIds(inside)).toEqual(['first']);
    const named = scopeAt(workflow, '/steps/1/steps/0/input', { catalog }).names;
    expect(named.map((node) => node.name)).toContain('$tag');
    expect(named.map((node) => node.name)).not.toContain('$item');
    expect(at(named, '$steps.each')).toMatchObject({ type: 'array', certain: true });
    expect(at(named, '$steps.each[0].second.found')).toMatchObject({ type: 'boolean', sample: true });
    expect(stepIds(named)).toEqual(['each']);
  });

  it('gives $item the tree of the array\'s items when `over` names one', () => {
    const workflow = definition([
      linkGet('upsertFirst'),
      { id: 'upsert', type: 'action', operation: 'ghl.contacts.upsert-contact', connection: 'ghl', input: {} },
      { id: 'each', type: 'forEach', over: '$steps.upsert.contact.customFields', steps: [linkGet('inner')] },
    ]);
    const { names } = scopeAt(workflow, '/steps/2/steps/0/input', { catalog });
    const item = at(names, '$item');
    expect(item).toMatchObject({ type: 'object', certain: true });
    expect(item?.children?.map((child) => child.path)).toContain('$item.id');
  });

  it('binds $error inside onError steps, and $steps.<id>.error for the step that failed', () => {
    const workflow = definition([{ ...linkGet('lookup'), onError: [linkGet('fallback'), linkGet('fallbackTwo')] }, linkGet('after')]);
    const inside = scopeAt(workflow, '/steps/0/onError/1/input', { catalog }).names;
    expect(at(inside, '$error')).toMatchObject({ type: 'object', certain: true });
    expect(at(inside, '$error.code')).toMatchObject({ type: 'string', certain: true });
    expect(at(inside, '$steps.lookup.error.message')).toMatchObject({ type: 'string', certain: true });
    expect(stepIds(inside)).toEqual(['lookup', 'fallback']);
    const after = scopeAt(workflow, '/steps/1/input', { catalog }).names;
    expect(after.map((node) => node.name)).not.toContain('$error');
    expect(at(after, '$steps.lookup')?.certain).toBe(true);
    expect(at(after, '$steps.lookup.found')?.certain).toBe(false);
    expect(at(after, '$steps.fallback')?.certain).toBe(false);
  });

  it('marks the output of an onError: continue step as possible, beside a possible error', () => {
    const workflow = definition([{ ...linkGet('lookup'), onError: 'continue' }, linkGet('after')]);
    const { names } = scopeAt(workflow, '/steps/1/input', { catalog });
    expect(at(names, '$steps.lookup.found')?.certain).toBe(false);
    expect(at(names, '$steps.lookup.error.code')).toMatchObject({ type: 'string', certain: false });
  });

  it('lists $config\'s keys and values when the options give them', () => {
    const withConfig = scopeAt(contactSync, '/steps/1/input', { catalog, config: { ghlLocationId: 'loc_1', stages: { won: 'stg_2' } } }).names;
    expect(at(withConfig, '$config.ghlLocationId')).toMatchObject({ type: 'string', sample: 'loc_1', certain: true });
    expect(at(withConfig, '$config.stages.won')).toMatchObject({ type: 'string', sample: 'stg_2' });
    expect(at(scopeAt(contactSync, '/steps/1/input', { catalog }).names, '$config')?.children).toEqual([]);
  });

  it('gives a trigger filter only the names it sees: $event, $trigger and $config', () => {
    const workflow = { ...contactSync, trigger: { ...contactSync.trigger, filter: '$exists($event.data.email)' } };
    expect(scopeAt(workflow, '/trigger/filter', { catalog }).names.map((node) => node.name)).toEqual(['$event', '$trigger', '$config']);
  });

  it('gives a template every step any way may have run, none of them certain', () => {
    const { names } = scopeAt(contactSync, '/templates/contactFields/email', { catalog });
    expect(stepIds(names)).toEqual(expect.arrayContaining(['customer', 'upsert', 'newLead', 'followUpTask']));
    expect(at(names, '$steps')?.children?.every((node) => !node.certain)).toBe(true);
  });

  it('bounds the depth, and stops at a $ref that refers to itself', () => {
    const tree: OperationDescriptor = {
      id: 'test.tree.get',
      kind: 'action',
      connector: 'test',
      title: 'Get a tree',
      output: {
        $ref: '#/definitions/Node',
        definitions: { Node: { type: 'object', properties: { name: { type: 'string', title: 'Name', description: 'The node\'s name.' }, child: { $ref: '#/definitions/Node' } } } },
      },
      sampleOutput: { name: 'root', child: { name: 'leaf' } },
    };
    const withTree = createCatalog([...catalogOperations, tree]);
    const workflow = definition([{ id: 'tree', type: 'action', operation: 'test.tree.get', connection: 'test' }, linkGet('after')]);
    const { names } = scopeAt(workflow, '/steps/1', { catalog: withTree });
    expect(at(names, '$steps.tree.name')).toMatchObject({ type: 'string', title: 'Name', description: 'The node\'s name.', sample: 'root' });
    expect(at(names, '$steps.tree.child')).toMatchObject({ more: true, sample: { name: 'leaf' } });
    expect(at(names, '$steps.tree.child')?.children).toBeUndefined();
    const shallow = scopeAt(contactSync, '/steps/4/then/0/input', { catalog, maxDepth: 2 }).names;
    expect(at(shallow, '$steps.upsert.contact')).toMatchObject({ more: true });
    expect(at(shallow, '$steps.upsert.contact.id')).toBeUndefined();
  });

  it('quotes names that are not plain JSONata names in the path to insert', () => {
    const odd: OperationDescriptor = {
      id: 'test.odd.get',
      kind: 'action',
      connector: 'test',
      title: 'Odd names',
      output: { type: 'object', properties: { 'first-name': { type: 'string' }, in: { type: 'string' } } },
    };
    const workflow = definition([{ id: 'odd', type: 'action', operation: 'test.odd.get', connection: 'test' }, linkGet('after')]);
    const { names } = scopeAt(workflow, '/steps/1', { catalog: createCatalog([...catalogOperations, odd]) });
    expect(at(names, '$steps.odd')?.children?.map((node) => node.path)).toEqual(['$steps.odd.`first-name`', '$steps.odd.`in`']);
  });

  it('answers a pointer that is not in the definition with a FlowlineError naming it and the nearest place that is', () => {
    const error = (() => {
      try {
        scopeAt(contactSync, '/steps/3/then/7/input', { catalog });
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(FlowlineError);
    expect(error).toMatchObject({ code: 'scope.pointer-not-found', pointer: '/steps/3/then/7/input', message: expect.stringContaining('/steps/3/then/7/input') });
    expect((error as FlowlineError).hint).toContain('/steps/3/then');
  });

  it('refuses a string that is not a JSON pointer', () => {
    expect(() => scopeAt(contactSync, 'steps/0', { catalog })).toThrowError(expect.objectContaining({ code: 'scope.bad-pointer', pointer: 'steps/0' }));
  });

  it('has every $steps.<id> that each example step\'s input refers to in scope at that input', () => {
    let checked = 0;
    for (const folder of readdirSync(examples, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      for (const file of readdirSync(new URL(`${folder.name}/`, examples)).filter((name) => name.endsWith('.workflow.json'))) {
        const workflow = example(`${folder.name}/${file}`);
        const visit = (list: readonly Record<string, unknown>[], pointer: string) => {
          list.forEach((step, index) => {
            const here = `${pointer}/${index}`;
            if (step['input'] !== undefined) {
              const referenced = [...JSON.stringify(step['input']).matchAll(/\$steps\.([A-Za-z]\w*)/g)].map((match) => match[1]);
              const inScope = stepIds(scopeAt(workflow, `${here}/input`, { catalog }).names) ?? [];
              for (const id of referenced) expect(inScope, `${file} ${here}: $steps.${id}`).toContain(id);
              checked += referenced.length;
            }
            for (const field of ['then', 'else', 'steps', 'onError']) if (Array.isArray(step[field])) visit(step[field] as Record<string, unknown>[], `${here}/${field}`);
          });
        };
        visit(workflow.steps as unknown as Record<string, unknown>[], '/steps');
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
