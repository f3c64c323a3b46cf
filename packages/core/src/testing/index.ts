export { describeStoreContract, UNICODE_SAMPLE, type StoreUnderTest } from './store-contract.js';
