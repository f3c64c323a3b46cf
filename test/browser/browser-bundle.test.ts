import { describe, expect, it } from 'vitest';
import { bundleForBrowser, DESIGN_ENTRIES, RESOLVE_FROM, sizeTable } from './bundle-for-browser.js';

const { design, catalog } = DESIGN_ENTRIES;

describe(`the browser entries, bundled by esbuild from ${RESOLVE_FROM}`, () => {
  it.each([
    ['design + catalog', { design, catalog }],
    ['design alone', { design }],
    ['catalog alone', { catalog }],
  ])('%s: no Node built-in, no runtime code', { timeout: 60_000 }, async (title, entries) => {
    const bundle = await bundleForBrowser({ entries });
    expect(bundle.nodeImports, 'Node built-ins imported').toEqual([]);
    expect(bundle.inputs.filter((input) => input.startsWith('node:')), 'node: inputs').toEqual([]);
    expect(bundle.runtimeInputs, 'runtime modules bundled').toEqual([]);
    console.log(sizeTable(`${title} (from ${RESOLVE_FROM}, minified, code splitting):`, bundle.files));
  });

  it('puts the catalog\'s descriptors in a lazy chunk of their own', { timeout: 60_000 }, async () => {
    const { files } = await bundleForBrowser({ entries: { design, catalog } });
    const holders = files.filter((file) => file.inputs.some((input) => /connectors\/(src|dist)\/generated\/operations\.[jt]s$/.test(input)));
    expect(holders.map((file) => file.lazy)).toEqual([true]);
    expect(holders[0]?.inputs.every((input) => !input.includes('/core/'))).toBe(true);
  });

  it('would notice Node built-ins and runtime code: the engine\'s own entry has both', { timeout: 60_000 }, async () => {
    const bundle = await bundleForBrowser({ entries: { engine: '@flowline/core' } });
    expect(bundle.nodeImports).toEqual(expect.arrayContaining([expect.stringMatching(/-> node:crypto$/)]));
    expect(bundle.runtimeInputs).toEqual(expect.arrayContaining([expect.stringMatching(/core\/(src|dist)\/runtime\/engine\.[jt]s$/), expect.stringMatching(/node_modules\/xstate\//)]));
  });
});
