// `@flowline/core/testing/store-contract`: the store contract suite, written for vitest (an optional peer dependency).
export { describeStoreContract, type StoreUnderTest } from './store-contract.js';
export { UNICODE_SAMPLE } from './unicode-sample.js';
