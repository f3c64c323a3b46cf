import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createEngine } from '@flowline/core';
import { createGhlConnector, createPushPressConnector } from '@flowline/connectors';

const here = fileURLToPath(new URL('.', import.meta.url));
const schema = JSON.parse(readFileSync(join(here, '../schemas/workflow.schema.json'), 'utf8')) as Record<string, unknown>;
const config = JSON.parse(readFileSync(join(here, 'flowline.config.json'), 'utf8')) as {
  connections: Record<string, { connector: string; settings?: Record<string, unknown>; credentials?: Record<string, unknown> }>;
  config: Record<string, unknown>;
};

type Workflow = { id: string; trigger: { operation: string; filter?: string }; templates?: Record<string, unknown>; steps: unknown[] };
const files = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'support' && entry.name !== 'node_modules')
  .flatMap((dir) => readdirSync(join(here, dir.name)).filter((name) => name.endsWith('.workflow.json')).map((name) => `${dir.name}/${name}`))
  .sort();
const read = (file: string): Workflow => JSON.parse(readFileSync(join(here, file), 'utf8')) as Workflow;

describe('every example workflow', () => {
  it('exists for each of the five flows, the no-show chain and the birthday sweep', () => {
    expect(new Set(files.map((file) => file.split('/')[0]))).toEqual(new Set(['contact-sync', 'task-sync', 'note-sync', 'appointment-sync', 'lead-pipeline', 'no-show-chain', 'birthday-sweep']));
  });

  const validate = new Ajv({ allErrors: true, strict: true, keywords: ['tsType'] }).compile(schema);
  const engine = createEngine({ connectors: [createGhlConnector(), createPushPressConnector()], connections: config.connections, config: config.config });

  it.each(files)('%s fits schemas/workflow.schema.json', (file) => {
    const valid = validate(read(file));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(files)('%s passes the engine\'s validate() with the example connections', (file) => {
    expect(engine.validate(read(file)).problems).toEqual([]);
  });

  it.each(files)('%s dry-runs to success on a sample event of its trigger (events/)', async (file) => {
    const definition = read(file);
    const dir = join(here, file.split('/')[0] as string, 'events');
    const samples = readdirSync(dir).map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as { event?: string; created?: number; trigger?: string; payload?: unknown });
    // A PushPress webhook body, or an event of the engine's own triggers as { trigger, payload }.
    const body = samples.find((sample) => `pushpress.${sample.event}` === definition.trigger.operation) ?? samples.find((sample) => sample.trigger === definition.trigger.operation)?.payload;
    expect(body, `a sample ${definition.trigger.operation} event in ${dir}`).toBeDefined();
    const run = await engine.run(definition, { trigger: definition.trigger.operation, id: `sample:${file}`, payload: body }, { dryRun: true });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe('succeeded');
  });

  it('has unique workflow ids', () => {
    const ids = files.map((file) => read(file).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries one and the same contactFields template wherever contacts are upserted', () => {
    const templates = files.map((file) => read(file).templates?.['contactFields']).filter((t) => t !== undefined);
    expect(templates.length).toBeGreaterThanOrEqual(10);
    for (const template of templates) expect(template).toEqual(templates[0]);
  });

  it.each([
    ['contact-sync', 3],
    ['appointment-sync', 4],
  ])('%s: its %i workflows share their steps and differ only in the trigger', (flow, count) => {
    const flowFiles = files.filter((file) => file.startsWith(`${flow}/`));
    expect(flowFiles).toHaveLength(count);
    const steps = flowFiles.map((file) => read(file).steps);
    for (const s of steps) expect(s).toEqual(steps[0]);
    expect(new Set(flowFiles.map((file) => read(file).trigger.operation)).size).toBe(count);
  });
});
