import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine, FlowlineError, type CompletedRun, type RunOptions, type StepRecord, type WorkflowDefinition } from '../src/index.js';
// The real connectors and catalog: the sample outputs a dry run answers with, and the input schemas it checks.
import { createGhlConnector, createPushPressConnector } from '../../connectors/src/index.js';

const examples = new URL('../../../examples/', import.meta.url);
const read = <T>(path: string) => JSON.parse(readFileSync(new URL(path, examples), 'utf8')) as T;
const hostConfig = read<{ connections: Record<string, never>; config: Record<string, unknown> }>('flowline.config.json');
const contactSync = read<WorkflowDefinition>('contact-sync/customer-created.workflow.json');
const event = { trigger: 'pushpress.customer.created', payload: read<unknown>('contact-sync/events/customer.created.json') };

const engine = createEngine({ connectors: [createGhlConnector(), createPushPressConnector()], connections: hostConfig.connections, config: hostConfig.config });
const run = (options: RunOptions, definition: WorkflowDefinition = contactSync) => engine.run(definition, event, options);
const step = (done: CompletedRun, path: string): StepRecord | undefined => done.steps.find((record) => record.path === path);

/** The FlowlineError a promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<FlowlineError> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(FlowlineError);
  return error as FlowlineError;
}

describe('test runs', () => {
  it('answers a mocked step with the mock instead of the sample output, so a first-time branch runs', async () => {
    const unmocked = await run({ dryRun: true });
    expect(step(unmocked, 'upsert')).toMatchObject({ status: 'skipped', reason: 'branch-not-taken' });
    const done = await run({ dryRun: true, mocks: { link: { found: false } } });
    expect(done.status).toBe('succeeded');
    expect(step(done, 'link')).toMatchObject({ status: 'succeeded', output: { found: false }, test: { mocked: true } });
    expect(step(done, 'upsert')).toMatchObject({ status: 'succeeded', request: expect.objectContaining({ operation: 'ghl.contacts.upsert-contact' }) });
    expect(step(done, 'update')).toMatchObject({ status: 'skipped', reason: 'branch-not-taken' });
    expect(done.test).toEqual({ mocks: { link: { found: false } } });
  });

  it('passes a mocked output on to later steps as the step\'s output', async () => {
    const done = await run({ dryRun: true, mocks: { link: { found: false }, upsert: { new: true, contact: { id: 'ct_mocked' } } } });
    expect(step(done, 'upsert')?.output).toEqual({ new: true, contact: { id: 'ct_mocked' } });
    expect(step(done, 'rememberContact')?.input).toMatchObject({ to: 'ct_mocked' });
    expect(step(done, 'addStatusTags')?.input).toMatchObject({ path: { contactId: 'ct_mocked' } });
  });

  it('still checks a mocked run\'s mapped input against the schema, as the live run would', async () => {
    const done = await run({ dryRun: true, mocks: { link: { found: false }, upsert: { new: true, contact: {} } } });
    expect(done.status).toBe('failed');
    expect(done.failedStep).toBe('rememberContact');
    expect(done.error).toMatchObject({ code: 'action.validation', category: 'validation' });
  });

  it('takes a chosen branch whatever the condition, and records that it was chosen', async () => {
    const done = await run({ dryRun: true, branches: { newLead: 'else', fresh: 'else' } });
    expect(done.status).toBe('succeeded');
    expect(step(done, 'newLead')).toMatchObject({ output: false, test: { branch: 'else' } });
    expect(step(done, 'followUpTask')).toMatchObject({ status: 'skipped', reason: 'branch-not-taken' });
    expect(step(done, 'staleContact')?.status).toBe('succeeded');
    expect(step(done, 'known')).toMatchObject({ status: 'skipped' });
    expect(step(done, 'link')?.test).toBeUndefined();
  });

  it('mocks one item of a forEach by its path, and the others by the step id', async () => {
    const definition = {
      id: 'each-test',
      name: 'Each',
      version: 1,
      trigger: { operation: 'pushpress.customer.created' },
      steps: [
        { id: 'each', type: 'forEach', over: '["a", "b", "c"]', steps: [{ id: 'lookup', type: 'action', operation: 'flowline.links.get', connection: 'flowline', input: { namespace: 'n', from: '=$item' } }] },
      ],
    } as unknown as WorkflowDefinition;
    const done = await run({ dryRun: true, mocks: { 'each[1].lookup': { found: false }, lookup: { found: true, to: 'mocked' } } }, definition);
    expect(done.status).toBe('succeeded');
    expect(step(done, 'each')?.output).toEqual([{ lookup: { found: true, to: 'mocked' } }, { lookup: { found: false } }, { lookup: { found: true, to: 'mocked' } }]);
    expect(step(done, 'each[1].lookup')?.test).toEqual({ mocked: true });
  });

  it('refuses mocks in a live run, before anything runs', async () => {
    const own = createEngine({ connectors: [createGhlConnector(), createPushPressConnector()], connections: hostConfig.connections, config: hostConfig.config });
    const error = await refusal(own.run(contactSync, event, { mocks: { link: { found: false } } }));
    expect(error).toMatchObject({ code: 'run.test-needs-dry-run', pointer: '/mocks', hint: expect.stringContaining('dryRun: true') });
    expect(await own.listRuns()).toEqual([]);
  });

  it('refuses a chosen branch in a live run', async () => {
    const error = await refusal(run({ dryRun: false, branches: { newLead: 'then' } }));
    expect(error).toMatchObject({ code: 'run.test-needs-dry-run', pointer: '/branches' });
  });

  it('refuses a mock for a step the workflow does not have, naming it and the closest step ids', async () => {
    const error = await refusal(run({ dryRun: true, mocks: { lnk: { found: false } } }));
    expect(error).toMatchObject({ code: 'run.test-unknown-step', pointer: '/mocks/lnk', message: expect.stringContaining('"lnk"'), hint: expect.stringContaining('"link"') });
  });

  it('refuses a chosen branch on a step that is not an if, pointing at the step', async () => {
    const error = await refusal(run({ dryRun: true, branches: { upsert: 'then' } }));
    expect(error).toMatchObject({ code: 'run.test-wrong-step', pointer: '/steps/3/then/0/else/0', message: expect.stringContaining('action step') });
  });

  it('refuses a mock of a step that is not an action', async () => {
    const error = await refusal(run({ dryRun: true, mocks: { fresh: true } }));
    expect(error).toMatchObject({ code: 'run.test-wrong-step', pointer: '/steps/3' });
  });

  it('refuses a branch that is neither then nor else', async () => {
    const error = await refusal(run({ dryRun: true, branches: { newLead: 'yes' as 'then' } }));
    expect(error).toMatchObject({ code: 'run.test-bad-branch', pointer: '/branches/newLead' });
  });
});
