import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionError } from '@flowline/core';
import { ghlOperations } from '../../src/operations/index.js';
import { keepIfValid, OptionsError } from '../../src/options/index.js';
import { CONNECTION, LOC_A, startWorld, type World } from './support.js';

/** Each GHL option source against the sandbox, over real sockets, with gym A's private token. */
let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.close();
});

const resolve = (source: string, params?: Record<string, unknown>) =>
  world.resolver.resolve({ tenant: 'gym-a', connectionName: CONNECTION, source, ...(params === undefined ? {} : { params }) });

describe('GHL option sources', () => {
  it('ghl.calendars lists the calendars: id and name', async () => {
    const { options, source } = await resolve('ghl.calendars');
    expect(source).toBe('ghl.calendars');
    expect(options).toEqual([
      { value: 'cal_intro_1', label: 'Intro session' },
      { value: 'cal_classes_1', label: 'Group classes' },
      { value: 'cal_pt_1', label: 'Personal training' },
    ]);
    // GET /calendars/?locationId=, as calendars.json documents it.
    expect(world.sandbox.requests.list().find((r) => r.operationId === 'get-calendars')).toMatchObject({ method: 'GET', path: '/calendars/', status: 200, locationId: LOC_A });
  });

  it('ghl.pipelines lists the pipelines with their stage counts', async () => {
    const { options } = await resolve('ghl.pipelines');
    expect(options).toEqual([
      { value: 'pip_membership_1', label: 'Membership', description: '4 stages' },
      { value: 'pip_pt_1', label: 'Personal training', description: '3 stages' },
    ]);
  });

  it("ghl.pipeline-stages lists only the chosen pipeline's stages, in order", async () => {
    const membership = await resolve('ghl.pipeline-stages', { pipelineId: 'pip_membership_1' });
    expect(membership.options).toEqual([
      { value: 'stg_lead', label: 'Lead' },
      { value: 'stg_trial', label: 'Trial booked' },
      { value: 'stg_member', label: 'Member' },
      { value: 'stg_cancelled', label: 'Cancelled' },
    ]);
    const pt = await resolve('ghl.pipeline-stages', { pipelineId: 'pip_pt_1' });
    // A field whose x-flowline.options.dependsOn is `pipeline_id` (a query parameter) sends it under that name.
    expect((await resolve('ghl.pipeline-stages', { pipeline_id: 'pip_pt_1' })).options).toEqual(pt.options);
    expect(pt.options.map((o) => o.value)).toEqual(['stg_pt_enquiry', 'stg_pt_session', 'stg_pt_package']);
    // A stage chosen under the first pipeline is not kept when the pipeline changes; one still listed is.
    expect(keepIfValid('stg_trial', pt.options)).toBeUndefined();
    expect(keepIfValid('stg_pt_session', pt.options)).toBe('stg_pt_session');
    expect(keepIfValid(['stg_pt_session', 'stg_trial'], pt.options)).toEqual(['stg_pt_session']);
  });

  it('ghl.pipeline-stages without a pipelineId is refused before any request', async () => {
    const before = world.sandbox.requests.list().length;
    for (const params of [undefined, {}, { pipelineId: '' }, { pipeline: 'pip_pt_1' }]) {
      const error = await resolve('ghl.pipeline-stages', params).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OptionsError);
      expect(error).toMatchObject({ code: 'options.invalid-params', pointer: '/params/pipelineId' });
      expect((error as OptionsError).message).toContain('pipelineId');
    }
    const typo = (await resolve('ghl.pipeline-stages', { pipeline: 'pip_pt_1' }).catch((e: unknown) => e)) as OptionsError;
    expect(typo.hint).toContain('params.pipeline');
    expect(world.sandbox.requests.list().length).toBe(before);
  });

  it('ghl.pipeline-stages of a pipeline the location does not have is not_found', async () => {
    const error = await resolve('ghl.pipeline-stages', { pipelineId: 'pip_gone' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect(error).toMatchObject({ category: 'not_found', pointer: '/params/pipelineId' });
  });

  it('ghl.users lists the users: name, with the email as description', async () => {
    const { options } = await resolve('ghl.users');
    expect(options).toEqual([
      { value: 'usr_coach_1', label: 'Casey Coach', description: 'casey.coach@example.com' },
      { value: 'usr_front_1', label: 'Frankie Desk', description: 'frankie.desk@example.com' },
      { value: 'usr_trainer_1', label: 'Robin Reyes', description: 'robin.reyes@example.com' },
    ]);
  });

  it('ghl.custom-fields lists the fields with their data type, by model', async () => {
    const all = await resolve('ghl.custom-fields');
    expect(all.options).toContainEqual({ value: 'cf_plan_1', label: 'Membership plan', description: 'SINGLE_OPTIONS' });
    expect(all.options.map((o) => o.value)).toEqual(['cf_member_id_1', 'cf_plan_1', 'cf_goal_1', 'cf_waiver_1', 'cf_sessions_1']);
    const opportunity = await resolve('ghl.custom-fields', { model: 'opportunity' });
    expect(opportunity.options).toEqual([{ value: 'cf_sessions_1', label: 'Sessions in package', description: 'NUMERICAL' }]);
    const bad = await resolve('ghl.custom-fields', { model: 'invoice' }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'options.invalid-params', pointer: '/params/model' });
  });

  it('ghl.tags lists the tags by name (contacts hold tags by name), or by id', async () => {
    const byName = await resolve('ghl.tags');
    expect(byName.options).toEqual([
      { value: 'active-member', label: 'active-member' },
      { value: 'free-trial-booked', label: 'free-trial-booked' },
      { value: 'lapsed', label: 'lapsed' },
      { value: 'pt-client', label: 'pt-client' },
    ]);
    const byId = await resolve('ghl.tags', { value: 'id' });
    expect(byId.options[0]).toEqual({ value: 'tag_active_member_1', label: 'active-member' });
  });

  it('lists every source the catalog names, with its params', () => {
    expect(world.resolver.sources.map((s) => s.id)).toEqual(['ghl.calendars', 'ghl.pipelines', 'ghl.pipeline-stages', 'ghl.users', 'ghl.custom-fields', 'ghl.tags']);
    expect(world.resolver.sources.find((s) => s.id === 'ghl.pipeline-stages')?.params).toEqual([
      expect.objectContaining({ name: 'pipelineId', required: true }),
    ]);
  });

  it('answers every option source the catalog names, with the params its dependsOn names', () => {
    const named: { operation: string; source: string; dependsOn?: string }[] = [];
    const walk = (node: unknown, operation: string): void => {
      if (Array.isArray(node)) return node.forEach((child) => walk(child, operation));
      if (node === null || typeof node !== 'object') return;
      const hints = (node as Record<string, unknown>)['x-flowline'] as { options?: { source: string; dependsOn?: string } } | undefined;
      if (hints?.options) named.push({ operation, ...hints.options });
      for (const child of Object.values(node)) walk(child, operation);
    };
    for (const operation of ghlOperations) walk(operation.input, operation.id);
    const sources = new Map(world.resolver.sources.map((s) => [s.id, s]));
    for (const { operation, source, dependsOn } of named) {
      expect(sources.has(source), `${operation} names ${source}`).toBe(true);
      if (dependsOn !== undefined) {
        const takes = sources.get(source)?.params.flatMap((p) => [p.name, ...(p.aliases ?? [])]) ?? [];
        expect(takes, `${operation}: ${source} depends on ${dependsOn}`).toContain(dependsOn);
      }
    }
  });
});
