import { Ajv } from 'ajv';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';

// ajv's standalone module is CommonJS: Node's ESM loader hands over module.exports, whose default is the function.
const standaloneCode = standaloneCodeModule.default;

/** The options the engine has always validated definitions with: strict mode, every error, with the failing data and schema. */
export const WORKFLOW_AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, keywords: ['tsType'] } as const;

/**
 * Renders ajv's standalone validator of the workflow schema as an ES module. ajv's output still
 * `require`s its runtime helpers (`ucs2length`, `equal`); each becomes an import here, so the
 * module loads in Node and in a browser bundle alike, and nothing is compiled at run time
 * (a page whose Content-Security-Policy forbids eval can validate).
 */
export function renderWorkflowValidator(schema: Record<string, unknown>, header: string): string {
  const ajv = new Ajv({ ...WORKFLOW_AJV_OPTIONS, keywords: [...WORKFLOW_AJV_OPTIONS.keywords], code: { esm: true, source: true, lines: true } });
  const code = standaloneCode(ajv, ajv.compile(schema))
    .replace(/^"use strict";\s*/, '')
    // A directive for code compiled by eval; in a module file it would rename the whole script in a debugger.
    .replace(/^\/\*# sourceURL=.*\*\/;?\n/gm, '');
  const modules = [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1] as string))].sort();
  for (const name of modules) {
    if (!name.startsWith('ajv/dist/runtime/')) throw new Error(`ajv's standalone code requires "${name}"; only ajv/dist/runtime/* is expected`);
  }
  const imports = modules.map((name, index) => `import runtime${index} from '${name}.js';`);
  const shims = modules.map((name, index) => `const require${index} = interop(runtime${index});`);
  const body = modules.reduce((text, name, index) => text.replaceAll(`require("${name}")`, `require${index}`), code);
  if (body.includes('require(')) throw new Error('ajv\'s standalone code still calls require() after the imports were put in');
  return `// @ts-nocheck
${header}
${imports.join('\n')}

/**
 * The module object a CommonJS require of one of ajv's runtime helpers gives, whichever way it was imported:
 * Node (and a bundler in Node's mode) hands over \`module.exports\`, other bundlers its \`default\`.
 */
function interop(imported) {
  return imported !== null && typeof imported === 'object' && imported.__esModule ? imported : { default: imported };
}
${shims.join('\n')}

${body.trimEnd()}
`;
}
