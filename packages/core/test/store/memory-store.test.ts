import { createMemoryStore } from '../../src/index.js';
import { describeStoreContract } from '../../src/testing/index.js';

describeStoreContract('memory store', async () => ({ store: createMemoryStore() }));
