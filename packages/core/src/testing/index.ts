export { describeStoreContract, UNICODE_SAMPLE, type StoreUnderTest } from './store-contract.js';
export { createTestConnector, type TestAction, type TestConnectorOptions } from './test-connector.js';
