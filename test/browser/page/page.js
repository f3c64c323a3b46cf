// The page's one module (plain JavaScript: the repository type-checks without the DOM library).
// It uses the two browser entries as an app would, and leaves what it found in
// globalThis.flowlineResults (a promise) for the test to read.
import { BUILT_IN_CONNECTION, ExpressionCompiler, previewMapping, sampleScope, validateWorkflow } from './design.js';
import { loadCatalog } from './catalog.js';

const scripts = () => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.endsWith('.js'));

async function run() {
  const fixtures = await (await fetch('./fixtures.json')).json();
  const scriptsBeforeCatalog = scripts();
  const catalog = await loadCatalog();
  const scriptsAfterCatalog = scripts();

  const expressions = new ExpressionCompiler();
  const options = { catalog, expressions, connections: { [BUILT_IN_CONNECTION]: { connector: 'flowline' }, ...fixtures.connections } };
  const valid = validateWorkflow(fixtures.valid, options);
  const invalid = validateWorkflow(fixtures.invalid, options);

  const trigger = catalog.describe(fixtures.valid.trigger.operation);
  const preview = await previewMapping(fixtures.mapping, {
    expressions,
    pointer: fixtures.pointer,
    templates: fixtures.valid.templates,
    scope: sampleScope({ event: fixtures.event, vars: fixtures.vars, config: fixtures.config, trigger: { operation: fixtures.valid.trigger.operation } }),
  });
  return { catalogSize: catalog.size, triggerHasSample: trigger?.sample !== undefined, scriptsBeforeCatalog, scriptsAfterCatalog, valid, invalid, preview };
}

globalThis.flowlineResults = run().catch((error) => ({ failed: `${error?.name}: ${error?.message}\n${error?.stack}` }));
