/**
 * The repo root does not depend on @flowline/core (no workspace link in the root package.json),
 * so the bench reaches the core package by path. jsonata and ajv are loaded from core's own
 * dependencies, so the hand-written baseline runs the very copies (jsonata 2.2.2, ajv 8) the
 * engine runs.
 */
export {
  createEngine,
  DEFAULT_EXPRESSION_LIMITS,
  type Connector,
  type Engine,
  type TriggerEvent,
  type WorkflowDefinition,
} from '../packages/core/src/index.js';
export { createTestConnector, type TestAction } from '../packages/core/src/testing/index.js';
export { default as jsonata } from '../packages/core/node_modules/jsonata/jsonata.js';
export { Ajv, type ValidateFunction } from '../packages/core/node_modules/ajv/dist/ajv.js';
import addFormatsPlugin from '../packages/core/node_modules/ajv-formats/dist/index.js';
import type { Ajv as AjvInstance } from '../packages/core/node_modules/ajv/dist/ajv.js';

// ajv-formats is CommonJS; its default export arrives wrapped (as in core's payload-checker).
export const addFormats = addFormatsPlugin as unknown as (ajv: AjvInstance) => AjvInstance;
