// The store contract suite needs vitest: it has its own entry, `@flowline/core/testing/store-contract`.
export { UNICODE_SAMPLE } from './unicode-sample.js';
export { createTestConnector, type TestAction, type TestConnectorOptions } from './test-connector.js';
